// A case drawn as a graph and as a timeline (client/src/panels/cases/caseGraph.ts), the canvas
// marking its entities (case/show → case-member) and the "Add to case" menu item.
import { describe, expect, it } from 'vitest';
import type { ApiNode, CaseDetail } from '../../client/src/api/schemas.ts';
import { deriveClasses } from '../../client/src/canvas/derive.ts';
import { menuItems } from '../../client/src/canvas/GraphCanvas.tsx';
import { caseGraph, caseSeries, evidenceLines } from '../../client/src/panels/cases/caseGraph.ts';
import { reducer } from '../../client/src/state/reducer.ts';
import { INITIAL_STATE } from '../../client/src/state/types.ts';
import { link, party } from './fixtures.ts';

function line(id: string, date: string, customsValue: number): ApiNode {
  const [declarationId = '', n = '1'] = id.split('/');
  return {
    key: `Shipment:${id}`,
    label: 'Shipment',
    id,
    name: '',
    props: { declarationId, line: Number(n), date, customsValue, hsCode: '850440', illicit: null },
    risk: null,
  };
}

const a = party('Importer:A', 0.9);
const b = party('Importer:B', 0.5);
const broker = party('Broker:K');
const outsider = party('Importer:Z');

function detail(evidence: string[][]): CaseDetail {
  return {
    id: 'C-0123456789ab',
    title: 'Harbour ring',
    description: '',
    status: 'open',
    visibility: 'team',
    owner: 'officer',
    assignee: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    entities: [a, b],
    rings: [],
    missingRings: [],
    notes: [],
    evidence: evidence.map((declarationIds, i) => ({
      id: i + 1,
      author: 'officer',
      description: 'picked',
      declarationIds,
      ringId: null,
      at: '2026-01-01T00:00:00Z',
    })),
    timeline: [],
  };
}

describe('caseGraph', () => {
  it('keeps ring links among the entities only and joins each evidence line to its parties', () => {
    const ringEdges = [link('HAS_ADDRESS', a.key, b.key), link('HAS_ADDRESS', a.key, outsider.key)];
    const l1 = line('D1/1', '2024-02-01', 100);
    const neighbourhood = {
      nodes: [l1, a, broker],
      edges: [link('IMPORTED_BY', l1.key, a.key), link('DECLARED_BY', l1.key, broker.key)],
    };
    const drawn = caseGraph(
      detail([['D1/1']]),
      [{ nodes: [a, b, outsider], edges: ringEdges }],
      [neighbourhood],
    );
    expect(drawn.nodes.map((n) => n.key)).toEqual(['Importer:A', 'Importer:B', 'Shipment:D1/1', 'Broker:K']);
    expect(drawn.edges.map((e) => e.id)).toEqual([
      'HAS_ADDRESS|Importer:A|Importer:B',
      'IMPORTED_BY|Shipment:D1/1|Importer:A',
      'DECLARED_BY|Shipment:D1/1|Broker:K',
    ]);
  });

  it('draws only the entities of a case without rings or evidence', () => {
    expect(caseGraph(detail([]), [], [])).toEqual({ nodes: [a, b], edges: [] });
  });
});

describe('caseSeries', () => {
  it('plots the evidence lines once each, oldest first, skipping nodes that are not evidence', () => {
    const c = detail([['D2/1', 'D1/1'], ['D1/1']]);
    expect(evidenceLines(c)).toEqual(['D2/1', 'D1/1']);
    const series = caseSeries(c, [
      line('D2/1', '2024-05-01', 300),
      line('D1/1', '2024-02-01', 100),
      line('D9/1', '2024-01-01', 5),
    ]);
    expect(series.map((p) => [`${p.declarationId}/${p.line}`, p.date, p.customsValue])).toEqual([
      ['D1/1', '2024-02-01', 100],
      ['D2/1', '2024-05-01', 300],
    ]);
  });
});

describe('case on the canvas', () => {
  it('case/show adds the graph and marks the case entities case-member', () => {
    const state = reducer(INITIAL_STATE, {
      type: 'case/show',
      nodes: [a, b, broker],
      edges: [],
      members: [a.key, b.key],
    });
    const classes = deriveClasses(state).nodes;
    expect(classes[a.key]).toContain('case-member');
    expect(classes[b.key]).toContain('case-member');
    expect(classes[broker.key]).not.toContain('case-member');
  });

  it('a declaration line node offers the extra item; a party does not get one', () => {
    const l1 = line('D1/1', '2024-02-01', 100);
    const state = reducer(INITIAL_STATE, { type: 'graph/add', nodes: [l1, a], edges: [] });
    const noop = () => undefined;
    const handlers = {
      onExpand: noop,
      onSelect: noop,
      onHide: noop,
      onTogglePin: noop,
      onShowLines: noop,
      onOpenLink: noop,
      onPathsFrom: noop,
    };
    const extra = (key: string) =>
      key.startsWith('Shipment:') ? { label: 'Add to case Harbour ring', run: noop } : null;
    const labels = (key: string) =>
      menuItems(state, { id: key, kind: 'node', x: 0, y: 0 }, handlers, extra).map((i) => i.label);
    expect(labels(l1.key)).toContain('Add to case Harbour ring');
    expect(labels(a.key)).not.toContain('Add to case Harbour ring');
  });
});
