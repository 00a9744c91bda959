import { describe, expect, it } from 'vitest';
import { fitFeatures } from '../../src/risk/features.ts';
import { describeFeature, topReasons } from '../../src/risk/reasons.ts';
import { riskLines } from './lines.ts';

describe('reasons in words', () => {
  const lines = riskLines(1000, 8);
  const { plan } = fitFeatures(lines);
  const line = lines[0]!;

  it('names the party history with its rate and the inspected lines behind it', () => {
    const [n, frauds] = plan.histories.importer![line.importerId!]!;
    expect(describeFeature(plan, 'importerRate', line)).toBe(
      `importer's past fraud rate ${Math.round((frauds / n) * 100)}% (${frauds} of ${n} inspected lines)`,
    );
    expect(describeFeature(plan, 'importerRate', { ...line, importerId: 'new' })).toBe(
      'importer without inspected history',
    );
  });

  it('says how far the unit value is from its HS median', () => {
    const median = Math.exp(plan.unitValueMedians[`6:${line.hsCode}`]!);
    const cheap = { ...line, customsValue: median * 0.42 * line.netMassKg! - 1 };
    expect(describeFeature(plan, 'unitValueVsHs', cheap)).toBe(
      `unit value 58% below the HS ${line.hsCode} median`,
    );
  });

  it('keeps the strongest positive contributions, largest first, with their log-odds', () => {
    const names = ['office', 'hs6', 'dutyRate'];
    const reasons = topReasons(plan, names, line, Float64Array.of(0.4, -2, 1.25));
    expect(reasons).toEqual([`duty rate 8% (+1.25)`, `office ${line.office} (+0.40)`]);
  });
});
