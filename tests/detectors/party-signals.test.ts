import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { MIN_UNPAID_DUTY, partySignals } from '../../src/detectors/party-signals.ts';
import type { DetectionView } from '../../src/graph/view.ts';
import { lineTable, type LineRecord } from '../fixtures/lines.ts';

/** A line with the unit-value z-score and expected value the projection would have given it. */
type ScoredLine = LineRecord & { z?: number; expected?: number };

/** A view of the given lines only, with 20 % the usual duty on 6403 from China. */
function viewOf(scored: ScoredLine[]): DetectionView {
  const lines = lineTable(scored.map(({ z: _z, expected: _expected, ...line }) => line));
  scored.forEach(({ z, expected }, i) => {
    lines.unitValueZScore[i] = z ?? Number.NaN;
    lines.expectedValue[i] = expected ?? Number.NaN;
  });
  return {
    graph: new UndirectedGraph(),
    trade: new Map(),
    identifiers: new Map(),
    lines,
    unitValueGroups: new Map(),
    dutyRates: new Map([['6403|CN', 0.2]]),
    defaultDutyRate: 0.05,
    window: { from: null, to: null },
  };
}

const NOTHING = {
  scoredLines: 0,
  medianZ: 0,
  shareBelow: 0,
  medianValueRatio: 1,
  shortfallDuty: 0,
  lowLines: [],
  seizedLines: [],
  unpaidLines: [],
  unpaidDuty: 0,
};

describe('partySignals', () => {
  it('has no signals for an empty view, and keeps its answer for the view', () => {
    const view = viewOf([]);
    const signals = partySignals(view);
    expect(signals.size).toBe(0);
    expect(partySignals(view)).toBe(signals);
  });

  it('sums the undervaluation, unpaid duty and seizures of each party', () => {
    const view = viewOf([
      // Importer A, declared at half its expected value: shortfall 100 × 10 %.
      { importerId: 'A', declarationId: 'D1', customsValue: 100, dutyRate: 0.1, z: -2, expected: 200 },
      { importerId: 'A', declarationId: 'D2', consigneeId: 'C', customsValue: 300, z: 0.5, expected: 250 },
      // No stated rate: the usual 20 % for 6403 from China applies to the shortfall of 40.
      { importerId: 'A', declarationId: 'D3', customsValue: 60, z: -1.5, expected: 100 },
      // Exactly one deviation below is not below; without an expected value, no ratio.
      { importerId: 'A', declarationId: 'D4', z: -1 },
      // Unscored lines: 100 of duty due and none paid; 10 unpaid (de minimis); 40 of 100 unpaid.
      { importerId: 'A', declarationId: 'D5', customsValue: 1000, dutyRate: 0.1, dutyPaid: 0 },
      { importerId: 'A', declarationId: 'D6', customsValue: 100, dutyRate: 0.1, dutyPaid: 0 },
      { importerId: 'A', declarationId: 'D7', customsValue: 1000, dutyRate: 0.1, dutyPaid: 60 },
      // Importer B's seized line is seized for its supplier and broker too.
      {
        importerId: 'B',
        declarationId: 'D8',
        supplierId: 'S',
        brokerId: 'K',
        illicit: true,
        z: 1,
        expected: 100,
      },
      // A seized line naming no importer is the supplier's alone; its score belongs to nobody.
      { importerId: '', declarationId: 'D9', supplierId: 'S', illicit: true, z: -3, expected: 500 },
    ]);
    const signals = partySignals(view);

    // The consignee on a clean line has nothing to report.
    expect([...signals.keys()]).toEqual(['Importer:A', 'Importer:B', 'Supplier:S', 'Broker:K']);
    expect(signals.get('Importer:A')).toEqual({
      scoredLines: 4,
      // z −2, −1.5, −1, 0.5
      medianZ: -1.25,
      shareBelow: 0.5,
      // 100/200, 300/250, 60/100
      medianValueRatio: 0.6,
      shortfallDuty: 10 + 8,
      lowLines: ['D1/1', 'D3/1'],
      seizedLines: [],
      unpaidLines: ['D5/1'],
      unpaidDuty: 100,
    });
    expect(signals.get('Importer:B')).toEqual({
      ...NOTHING,
      scoredLines: 1,
      medianZ: 1,
      seizedLines: ['D8/1'],
    });
    expect(signals.get('Supplier:S')).toEqual({ ...NOTHING, seizedLines: ['D8/1', 'D9/1'] });
    expect(signals.get('Broker:K')).toEqual({ ...NOTHING, seizedLines: ['D8/1'] });
  });

  it('counts duty left unpaid from the de-minimis threshold up', () => {
    // 10 % of 250 is exactly the threshold; of 249.9, just under it.
    const signals = partySignals(
      viewOf([
        {
          importerId: 'A',
          declarationId: 'D1',
          customsValue: 10 * MIN_UNPAID_DUTY,
          dutyRate: 0.1,
          dutyPaid: 0,
        },
        { importerId: 'B', declarationId: 'D2', customsValue: 249.9, dutyRate: 0.1, dutyPaid: 0 },
      ]),
    );
    expect(signals.get('Importer:A')).toEqual({ ...NOTHING, unpaidLines: ['D1/1'], unpaidDuty: 25 });
    expect(signals.has('Importer:B')).toBe(false);
  });

  it("takes each importer's medians over its own lines when importers interleave", () => {
    // A: z −3, 1, −1, 2 → median 0; ratios 0.5, 2, 1 (its z 2 line has no expected value) → 1.
    // B: z 0.4, −2, 7 → 0.4; ratios 1.5, 0.25 → 0.875. C: z 5 with no expected value → ratio 1.
    const signals = partySignals(
      viewOf([
        { importerId: 'A', declarationId: 'D1', customsValue: 100, z: -3, expected: 200 },
        { importerId: 'B', declarationId: 'D2', customsValue: 150, z: 0.4, expected: 100 },
        { importerId: 'A', declarationId: 'D3', customsValue: 200, z: 1, expected: 100 },
        { importerId: 'C', declarationId: 'D4', z: 5 },
        { importerId: 'B', declarationId: 'D5', customsValue: 50, z: -2, expected: 200 },
        { importerId: 'A', declarationId: 'D6', customsValue: 100, z: -1, expected: 100 },
        { importerId: 'B', declarationId: 'D7', z: 7 },
        { importerId: 'A', declarationId: 'D8', z: 2 },
      ]),
    );
    const medians = (key: string): [number, number, number] => {
      const s = signals.get(key)!;
      return [s.medianZ, s.medianValueRatio, s.shareBelow];
    };
    expect(medians('Importer:A')).toEqual([0, 1, 0.25]);
    expect(medians('Importer:B')).toEqual([0.4, 0.875, 1 / 3]);
    expect(medians('Importer:C')).toEqual([5, 1, 0]);
  });
});
