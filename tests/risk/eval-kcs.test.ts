import { describe, expect, it } from 'vitest';
import { formatKcsReport } from '../../src/cli/commands/eval-kcs.ts';
import { evaluateKcs, evaluateLearned, type KcsLine } from '../../src/eval/kcs.ts';
import { runSklearnBaseline } from '../../src/eval/sklearn.ts';
import { riskLines } from './lines.ts';

/** The synthetic risk lines in the KCS reader's shape. */
function kcsLines(count: number, seed: number): KcsLine[] {
  return riskLines(count, seed).map((l) => ({
    declarationId: l.declarationId,
    declarant: l.declarantId ?? '',
    importer: l.importerId ?? '',
    seller: l.sellerId ?? '',
    courier: '',
    hs6: l.hsCode,
    departure: l.departureCountry ?? '',
    origin: l.originCountry ?? '',
    office: l.office ?? '',
    taxRate: 8,
    logUnitPrice: Math.log((l.customsValue + 1) / (l.netMassKg! + 1)),
    fraud: l.label === true,
    date: l.date,
    netMass: l.netMassKg!,
    itemPrice: l.customsValue,
    attributes: {},
  }));
}

describe('eval-kcs with the learned model', () => {
  it('reports the learned model above random, with revenue captured by each ranking', () => {
    const train = kcsLines(3000, 31);
    const test = kcsLines(1500, 32);
    const report = evaluateKcs(train, test, { seed: 1, randomDraws: 10 });
    report.learned = evaluateLearned(train, test, { seeds: [1, 2] });
    report.learned.precision.forEach((p, i) => expect(p).toBeGreaterThan(report.random[i]! + 0.2));
    expect(report.learned.revenueByDutyAtStake.every((x) => x >= 0 && x <= 1)).toBe(true);
    const text = formatKcsReport(report);
    expect(text).toMatch(/learned model: mean of seeds 1, 2/);
    expect(text).toMatch(/revenue captured at k%/);
  });

  it('says loudly when no Python with scikit-learn is found, and goes on', async () => {
    const outcome = await runSklearnBaseline('/nowhere', [1], ['/nonexistent/python3']);
    expect(outcome.ran).toBe(false);
    const report = { ...evaluateKcs([], [], { seed: 1, randomDraws: 1 }), sklearn: outcome };
    expect(formatKcsReport(report)).toMatch(/scikit-learn baseline NOT RUN[\s\S]*install python3-sklearn/);
  });
});
