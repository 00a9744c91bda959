// Reading findings pages through every ring the store holds and keeps the targets' rank order.
import { describe, expect, it } from 'vitest';
import { readFindings } from '../../src/eval/findings.ts';
import type { LineTarget, Ring } from '../../src/model/index.ts';
import type { RingQuery } from '../../src/store/graph-store.ts';

function fakeStore(ringCount: number, targets: LineTarget[]) {
  const rings: Ring[] = Array.from({ length: ringCount }, (_, i) => ({
    id: `R-${String(i).padStart(5, '0')}`,
    typology: 'phoenix',
    score: 0.5,
    revenueAtRisk: 0,
    priority: 0.5,
    explanation: '',
    members: [{ label: 'Importer', id: `IM-${i}`, role: 'firm' }],
    indicators: [],
  }));
  const asked: RingQuery[] = [];
  return {
    asked,
    store: {
      lastRun: () => Promise.resolve({ runId: 'run-9', startedAt: '', finishedAt: '', seed: 1 }),
      listRings: (q: RingQuery) => {
        asked.push(q);
        const page = rings.slice(q.offset, q.offset + q.limit);
        return Promise.resolve({
          rings: page.map((r) => ({ ...r, memberCount: r.members.length })),
          total: rings.length,
        });
      },
      getRing: (id: string) => Promise.resolve(rings.find((r) => r.id === id) ?? null),
      listTargets: ({ limit }: { limit: number }) => Promise.resolve(targets.slice(0, limit)),
    },
  };
}

describe('readFindings', () => {
  it('reads every ring across pages', async () => {
    const { store, asked } = fakeStore(1203, []);
    const findings = await readFindings(store, 10);
    expect(findings.rings).toHaveLength(1203);
    expect(new Set(findings.rings.map((r) => r.id)).size).toBe(1203);
    expect(asked.length).toBeGreaterThan(1);
    expect(findings.runId).toBe('run-9');
  });

  it('reads no rings from an empty store and stops at once', async () => {
    const { store, asked } = fakeStore(0, []);
    expect((await readFindings(store, 10)).rings).toEqual([]);
    expect(asked).toHaveLength(1);
  });

  it('keeps the targets in rank order as line ids, up to the limit', async () => {
    const targets: LineTarget[] = [
      { declarationId: '2400000007', line: 2, score: 0.9, reasons: [] },
      { declarationId: '2400000001', line: 1, score: 0.8, reasons: [] },
      { declarationId: '2400000003', line: 1, score: 0.1, reasons: [] },
    ];
    const { store } = fakeStore(0, targets);
    expect((await readFindings(store, 2)).rankedLines).toEqual(['2400000007/2', '2400000001/1']);
  });
});
