// The learned model against the hand-set targeting on a world's newest lines: the split by date,
// the targets restricted to the held-out lines, and the held-out labels never read.
import { describe, expect, it } from 'vitest';
import { evaluateWorldRisk, splitByDate } from '../../src/eval/world-risk.ts';
import type { RiskLine } from '../../src/risk/features.ts';
import { riskLines } from '../risk/lines.ts';

const id = (l: RiskLine) => `${l.declarationId}/${l.line}`;

/** 2,000 lines over 20 days, so the newest 20 % are exactly the last 4 days. */
function world(): RiskLine[] {
  return riskLines(2000, 5).map((l, i) => ({
    ...l,
    date: `2024-03-${String(1 + Math.floor(i / 100)).padStart(2, '0')}`,
  }));
}

const illicitOf = (lines: readonly RiskLine[]) =>
  new Map(lines.filter((l) => l.label).map((l) => [id(l), l.customsValue * 0.1]));

const fast = { seeds: [1], randomDraws: 20, train: { trees: { iterations: 30 } } };

describe('splitByDate', () => {
  it('holds out the newest share of all lines, ties in file order', () => {
    const lines = ['2024-01-03', '2024-01-01', '2024-01-02', '2024-01-02', '2024-01-01'].map((date, i) => ({
      ...riskLines(1, 1)[0]!,
      declarationId: `D${i}`,
      date,
    }));
    const { older, newer } = splitByDate(lines, 0.4);
    expect(older.map((l) => l.declarationId)).toEqual(['D1', 'D4', 'D2']);
    expect(newer.map((l) => l.declarationId)).toEqual(['D3', 'D0']);
  });
});

describe('evaluateWorldRisk', () => {
  const lines = world();
  const illicit = illicitOf(lines);

  it('ranks the newest lines; the hand-set targets of older lines are not counted', () => {
    const newer = lines.slice(1600);
    const newerIllicit = newer.filter((l) => l.label);
    // A perfect targeting of the held-out lines, interleaved with older illicit lines.
    const targets = newerIllicit.flatMap((l, i) => [id(lines.filter((x) => x.label)[i]!), id(l)]);
    const report = evaluateWorldRisk(lines, illicit, targets, null, fast);
    expect(report.heldOut).toMatchObject({ lines: 400, illicit: newerIllicit.length, from: '2024-03-17' });
    expect(report.trained.lines).toBe(1600);
    expect(report.rankings.map((r) => r.name)).toEqual([
      'learned, probability',
      'learned, p × duty at stake',
      'learned, p × est. shortfall',
      'hand-set targeting',
      'random',
    ]);
    const handSet = report.rankings.find((r) => r.name === 'hand-set targeting')!.atK;
    // 1 % of 400 lines is 4 lines, all illicit when the targets are perfect.
    expect(handSet[0]).toMatchObject({ k: 1, inspected: 4, hits: 4, precision: 1 });
    const learned = report.rankings[0]!.atK;
    const random = report.rankings.at(-1)!.atK;
    const baseRate = newerIllicit.length / 400;
    expect(random[3]!.precision).toBeGreaterThan(baseRate - 0.06);
    expect(random[3]!.precision).toBeLessThan(baseRate + 0.06);
    expect(learned[3]!.precision).toBeGreaterThan(random[3]!.precision + 0.2);
  });

  it('never reads the held-out lines’ labels: flipping them leaves every learned ranking as it was', () => {
    const flipped = lines.map((l, i) =>
      i >= 1600 ? { ...l, label: l.label === null ? null : !l.label } : l,
    );
    const a = evaluateWorldRisk(lines, illicit, [], null, fast);
    const b = evaluateWorldRisk(flipped, illicit, [], null, fast);
    expect(b.rankings.slice(0, 3)).toEqual(a.rankings.slice(0, 3));
    expect(b.trained).toEqual(a.trained);
  });

  it('adds the rankings with network features when a detection run is given', () => {
    const withFacts = lines.map((l) => ({ ...l, network: { importerRisk: 0, inRing: false, rings: 0 } }));
    const report = evaluateWorldRisk(withFacts, illicit, [], 'run-1', fast);
    expect(report.detectionRun).toBe('run-1');
    expect(report.rankings.map((r) => r.name)).toContain('learned + network, p × duty at stake');
  });
});
