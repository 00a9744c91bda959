import { describe, expect, it } from 'vitest';
import { renderSuspects, suspects } from '../../src/export/suspects.ts';
import { parseBudget, selectTargets } from '../../src/cli/commands/target.ts';
import { DetectJson, SuspectsJson, TargetJson, detectJson, targetJson } from '../../src/export/contract.ts';
import type { LineTarget, PartyRisk, Ring } from '../../src/model/index.ts';

const ring: Ring = {
  id: 'R-phoenix-0123456789ab',
  typology: 'phoenix',
  score: 0.8,
  revenueAtRisk: 1200,
  priority: 3.263634,
  explanation: 'A → B',
  members: [{ label: 'Importer', id: '007', role: 'predecessor' }],
  indicators: [
    {
      name: 'succession',
      value: 1,
      weight: 1,
      contribution: 1,
      description: 'A → B',
      evidence: { nodes: [], rels: [], declarations: ['D1/1'] },
    },
  ],
};
const targets: LineTarget[] = [
  { declarationId: '00123', line: 2, score: 0.9, reasons: ['unit value low'] },
  { declarationId: '00124', line: 1, score: 0.4, reasons: [] },
];
const party: PartyRisk = {
  label: 'Importer',
  id: '007',
  score: 0.8,
  revenueAtRisk: 1200,
  ringIds: [ring.id],
  reasons: ['=cmd|calc'],
};

describe('published JSON contracts', () => {
  it('writes detect --json with snake_case keys and the input ids', () => {
    const doc = detectJson([ring]);
    expect(DetectJson.parse(doc)).toEqual(doc);
    expect(doc.leads).toEqual([]);
    expect(doc.rings[0]).toMatchObject({
      id: ring.id,
      revenue_at_risk: 1200,
      priority: 3.263634,
      members: [{ id: '007', label: 'Importer', role: 'predecessor' }],
    });
  });

  it('writes target --json lines in the given (score) order', () => {
    const doc = targetJson(targets);
    expect(TargetJson.parse(doc).lines.map((l) => l.declaration_id)).toEqual(['00123', '00124']);
  });
});

describe('ringscope target', () => {
  it('reads budgets as a share or a number of lines, and rejects the rest', () => {
    expect(parseBudget('1%')).toEqual({ share: 0.01 });
    expect(parseBudget('250')).toEqual({ lines: 250 });
    for (const bad of ['0%', '101%', '-3', 'lots', ''])
      expect(() => parseBudget(bad)).toThrow(/invalid --budget/);
  });

  it('asks the store for the budget’s share of all lines', async () => {
    let asked = 0;
    const store = {
      lastRun: () => Promise.resolve({ runId: 'r', startedAt: '', finishedAt: '', seed: 1 }),
      counts: () => Promise.resolve({ nodes: { Shipment: 1234 }, rels: {} }),
      listTargets: ({ limit }: { limit: number }) => (
        (asked = limit),
        Promise.resolve(targets.slice(0, limit))
      ),
    };
    expect((await selectTargets(store, { share: 0.01 })).wanted).toBe(13);
    expect(asked).toBe(13);
  });

  it('says to run detection first when there is no run', async () => {
    const store = {
      lastRun: () => Promise.resolve(null),
      counts: () => Promise.reject(new Error('x')),
      listTargets: () => Promise.resolve([]),
    };
    await expect(selectTargets(store, { lines: 5 })).rejects.toThrow(/run `ringscope detect` first/);
  });
});

describe('ringscope export suspects', () => {
  const store = {
    lastRun: () => Promise.resolve({ runId: 'r', startedAt: '', finishedAt: '', seed: 1 }),
    listPartyRisks: () => Promise.resolve([party]),
    listLeads: () => Promise.resolve({ leads: [], total: 0 }),
    getNodes: () =>
      Promise.resolve([
        { label: 'Importer' as const, id: '007', props: { name: '@Evil Corp' }, source: null },
      ]),
  };

  it('lists parties with names, scores, rings and reasons', async () => {
    const doc = await suspects(store, 0.5);
    expect(SuspectsJson.parse(doc).suspects).toEqual([
      {
        id: '007',
        label: 'Importer',
        name: '@Evil Corp',
        score: 0.8,
        revenue_at_risk: 1200,
        ring_ids: [ring.id],
        reasons: ['=cmd|calc'],
        lead: false,
      },
    ]);
  });

  it('neutralises formula cells in CSV, quotes a cell holding a separator, keeps ids with leading zeros', async () => {
    const csv = renderSuspects(await suspects(store, 0), 'csv');
    expect(csv.split('\r\n')[1]).toBe(`Importer,007,'@Evil Corp,0.8,1200,${ring.id},"'=cmd|calc",no`);
  });
});
