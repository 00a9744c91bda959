// The suspect list with leads: parties of rings first, marked when a lead names them too; then
// parties only leads name, by their best lead, without rings or revenue at risk.
import { describe, expect, it } from 'vitest';
import { renderSuspects, suspects } from '../../src/export/suspects.ts';
import type { Lead, LeadQuery, PartyRisk } from '../../src/model/index.ts';

const party: PartyRisk = {
  label: 'Importer',
  id: 'IM-1',
  score: 0.8,
  revenueAtRisk: 500,
  ringIds: ['R-phoenix-1'],
  reasons: ['phoenix (0.80): IM-2 took over from IM-1'],
};

function lead(label: Lead['label'], id: string, detector: Lead['detector'], score: number): Lead {
  return {
    label,
    id,
    detector,
    score,
    reason: `${id} ships to CO-9, whose goods were seized`,
    path: [{ from: { label, id }, to: { label: 'Consignee', id: 'CO-9' }, kinds: ['consignee'] }],
    evidence: { nodes: [], rels: [], declarations: [] },
  };
}

const LEADS = [
  lead('Importer', 'IM-7', 'guilt_by_association', 0.6),
  lead('Importer', 'IM-1', 'guilt_by_association', 0.5),
  lead('Broker', 'BR-3', 'centrality', 0.45),
  lead('Importer', 'IM-7', 'centrality', 0.3),
  lead('Importer', 'IM-8', 'guilt_by_association', 0.2),
];

const store = {
  lastRun: () => Promise.resolve({ runId: 'r', startedAt: '', finishedAt: '', seed: 1 }),
  listPartyRisks: ({ minScore = 0 }: { minScore?: number }) =>
    Promise.resolve([party].filter((p) => p.score >= minScore)),
  listLeads: (q: LeadQuery) => {
    const all = LEADS.filter((l) => l.score >= (q.minScore ?? 0));
    return Promise.resolve({ leads: all.slice(q.offset, q.offset + q.limit), total: all.length });
  },
  getNodes: () =>
    Promise.resolve([{ label: 'Importer' as const, id: 'IM-7', props: { name: 'Oak Ltd' }, source: null }]),
};

describe('suspects with leads', () => {
  it('marks ring parties a lead names and lists lead-only parties after them, with their reasons', async () => {
    const doc = await suspects(store, 0.4);
    expect(doc.suspects.map((s) => [s.id, s.score, s.lead, s.ring_ids.length, s.revenue_at_risk])).toEqual([
      ['IM-1', 0.8, true, 1, 500],
      ['IM-7', 0.6, true, 0, 0],
      ['BR-3', 0.45, true, 0, 0],
    ]);
    expect(doc.suspects[0]!.reasons).toEqual([
      'phoenix (0.80): IM-2 took over from IM-1',
      'lead, guilt by association (0.50): IM-1 ships to CO-9, whose goods were seized',
    ]);
    expect(doc.suspects[1]!.name).toBe('Oak Ltd');
    expect(doc.suspects[1]!.reasons).toEqual([
      'lead, guilt by association (0.60): IM-7 ships to CO-9, whose goods were seized',
    ]);
  });

  it('keeps every lead of the party at a lower minimum score, and says so in CSV', async () => {
    const doc = await suspects(store, 0);
    expect(doc.suspects.map((s) => s.id)).toEqual(['IM-1', 'IM-7', 'BR-3', 'IM-8']);
    expect(doc.suspects[1]!.reasons).toHaveLength(2);
    const csv = renderSuspects(doc, 'csv').split('\r\n');
    expect(csv[0]).toBe('\ufefflabel,id,name,score,revenue_at_risk,ring_ids,reasons,lead');
    expect(csv[4]).toBe(
      'Importer,IM-8,,0.2,0,,"lead, guilt by association (0.20): IM-8 ships to CO-9, whose goods were seized",yes',
    );
  });
});

describe('detect --json leads', () => {
  it('lists the leads with detector, score, reason and seizure path', async () => {
    const { detectJson, DetectJson } = await import('../../src/export/contract.ts');
    const doc = DetectJson.parse(detectJson([], LEADS.slice(0, 1)));
    expect(doc.leads).toEqual([
      {
        id: 'IM-7',
        label: 'Importer',
        detector: 'guilt_by_association',
        score: 0.6,
        reason: 'IM-7 ships to CO-9, whose goods were seized',
        path: [
          {
            from: { label: 'Importer', id: 'IM-7' },
            to: { label: 'Consignee', id: 'CO-9' },
            kinds: ['consignee'],
          },
        ],
      },
    ]);
  });
});
