// Style derivation: classes come from the state, the stylesheet covers every label and type.
import { describe, expect, it } from 'vitest';
import { NodeLabel, RelType } from '../../src/model/index.ts';
import {
  caption,
  deriveClasses,
  nodeData,
  nodeSize,
  passesFilters,
  riskClass,
} from '../../client/src/canvas/derive.ts';
import { buildStylesheet } from '../../client/src/canvas/stylesheet.ts';
import { reducer, type Action } from '../../client/src/state/reducer.ts';
import { INITIAL_STATE, NO_FILTERS } from '../../client/src/state/types.ts';
import { link, party, ringDetail, shipment } from './fixtures.ts';

const run = (actions: Action[]) => actions.reduce(reducer, INITIAL_STATE);

describe('node captions and risk classes', () => {
  it('uses the name, falls back to the id, and shortens long names', () => {
    expect(caption(party('Importer:IM-1', null, 'Acme'))).toBe('Acme');
    expect(caption({ ...party('Importer:IM-1'), name: '' })).toBe('IM-1');
    const long = caption(party('Importer:X', null, 'A very long trading company name limited'));
    expect(long.length).toBeLessThanOrEqual(28);
    expect(long.endsWith('…')).toBe(true);
  });

  it('grades risk into classes at the thresholds', () => {
    expect(riskClass(null)).toBe('unscored');
    expect(riskClass(0.1)).toBe('risk-low');
    expect(riskClass(0.4)).toBe('risk-medium');
    expect(riskClass(0.7)).toBe('risk-high');
  });
});

describe('node size', () => {
  it('grows with risk, treats unscored as lowest, and stays within bounds', () => {
    expect(nodeSize(null)).toBe(nodeSize(0));
    expect(nodeSize(0.2)).toBeLessThan(nodeSize(0.8));
    expect(nodeSize(1.5)).toBe(nodeSize(1));
    expect(nodeSize(-1)).toBe(nodeSize(0));
    expect(nodeData(party('Importer:IM-1', 0.9, 'Acme')).size).toBe(nodeSize(0.9));
  });
});

describe('filters', () => {
  const s = shipment('D9/1', '2024-05-10T00:00:00Z', '610910');
  it('date range and HS chapter apply to shipments', () => {
    expect(passesFilters(s, { ...NO_FILTERS, dateFrom: '2024-05-10', dateTo: '2024-05-10' })).toBe(true);
    expect(passesFilters(s, { ...NO_FILTERS, dateFrom: '2024-05-11' })).toBe(false);
    expect(passesFilters(s, { ...NO_FILTERS, dateTo: '2024-05-09' })).toBe(false);
    expect(passesFilters(s, { ...NO_FILTERS, hsChapter: '61' })).toBe(true);
    expect(passesFilters(s, { ...NO_FILTERS, hsChapter: '85' })).toBe(false);
    expect(passesFilters(party('Importer:A'), { ...NO_FILTERS, hsChapter: '85' })).toBe(true);
  });
  it('labels and minimum risk', () => {
    expect(passesFilters(party('Broker:B', 0.9), { ...NO_FILTERS, labels: ['Importer'] })).toBe(false);
    expect(passesFilters(party('Importer:A', 0.2), { ...NO_FILTERS, minRisk: 0.5 })).toBe(false);
    expect(passesFilters(party('Importer:A', 0.6), { ...NO_FILTERS, minRisk: 0.5 })).toBe(true);
    // Unscored identifiers and shipments are not judged by risk; an unscored party is hidden.
    expect(passesFilters(party('Phone:1'), { ...NO_FILTERS, minRisk: 0.5 })).toBe(true);
    expect(passesFilters(party('Importer:U'), { ...NO_FILTERS, minRisk: 0.05 })).toBe(false);
    expect(passesFilters(party('Person:U'), { ...NO_FILTERS, minRisk: 0.05 })).toBe(false);
    expect(passesFilters(party('Importer:U'), NO_FILTERS)).toBe(true);
  });
});

describe('deriveClasses', () => {
  const a = party('Importer:A', 0.9);
  const b = party('Importer:B', 0.1);
  const ab = link('SUCCEEDS', a.key, b.key);

  it('hides a filtered node and its edges without removing them', () => {
    const state = run([
      { type: 'graph/add', nodes: [a, b], edges: [ab] },
      { type: 'filters/set', filters: { minRisk: 0.5 } },
    ]);
    const classes = deriveClasses(state);
    expect(classes.nodes[b.key]).toContain('filtered');
    expect(classes.nodes[a.key]).not.toContain('filtered');
    expect(classes.edges[ab.id]).toContain('hidden');
    expect(Object.keys(state.nodes)).toHaveLength(2);
  });

  it('marks pins, risk, and expansions that have more to show', () => {
    const state = run([
      { type: 'graph/add', nodes: [a, b], edges: [ab] },
      { type: 'graph/expanded', key: a.key, nodes: [b], edges: [], limit: 1, truncated: true },
      { type: 'pin/toggle', keys: [b.key] },
    ]);
    const classes = deriveClasses(state);
    expect(classes.nodes[a.key]).toEqual(expect.arrayContaining(['risk-high', 'has-more']));
    expect(classes.nodes[b.key]).toEqual(expect.arrayContaining(['risk-low', 'pinned']));
  });

  it('an open ring marks members and dims the rest; an indicator narrows to its evidence', () => {
    const ring = ringDetail();
    const outsider = party('Importer:Z', 0.2);
    const opened = run([
      { type: 'graph/add', nodes: [outsider], edges: [] },
      { type: 'ring/open', ring },
    ]);
    const ringClasses = deriveClasses(opened);
    expect(ringClasses.nodes['Importer:A']).toEqual(expect.arrayContaining(['ring-member', 'ring']));
    expect(ringClasses.nodes[outsider.key]).toContain('dimmed');

    const highlighted = deriveClasses(
      reducer(opened, { type: 'ring/highlight', indicator: 'shared_address' }),
    );
    expect(highlighted.nodes['Address:1 main st']).toContain('evidence');
    expect(highlighted.nodes['Importer:A']).toContain('dimmed');
    expect(highlighted.edges[ring.edges[0]!.id]).toContain('evidence');
    expect(highlighted.edges[ring.edges[1]!.id]).toContain('dimmed');
  });

  it('the shown path is emphasised', () => {
    const state = run([
      { type: 'graph/add', nodes: [party('Person:P')], edges: [] },
      { type: 'paths/found', paths: [{ nodes: [a, b], edges: [ab] }] },
    ]);
    const classes = deriveClasses(state);
    expect(classes.nodes[a.key]).toContain('path');
    expect(classes.edges[ab.id]).toContain('path');
    expect(classes.nodes['Person:P']).toContain('dimmed');
  });

  it('an empty state derives nothing', () => {
    expect(deriveClasses(INITIAL_STATE)).toEqual({ nodes: {}, edges: {} });
  });
});

describe('stylesheet', () => {
  const selectors = buildStylesheet().map((rule) => (rule as { selector: string }).selector);
  it('styles every node label and every relationship type', () => {
    for (const label of NodeLabel.options) expect(selectors).toContain(`node[label = "${label}"]`);
    for (const type of RelType.options) expect(selectors).toContain(`edge[type = "${type}"]`);
  });
  it('the large-view style drops arrows and most captions but keeps those of risky and emphasised nodes', () => {
    const large = buildStylesheet({ large: true }) as { selector: string; style: Record<string, unknown> }[];
    const last = (selector: string, property: string) =>
      large.filter((r) => r.selector.split(', ').includes(selector) && property in r.style).at(-1)?.style[
        property
      ];
    expect(last('edge', 'target-arrow-shape')).toBe('none');
    expect(last('node', 'label')).toBe('');
    expect(last('node.risk-high', 'label')).toBe('data(caption)');
    expect(last('node.path', 'label')).toBe('data(caption)');
    expect(buildStylesheet().length).toBeLessThan(large.length);
  });

  it('styles every class deriveClasses can emit', () => {
    const css = selectors.join(' ');
    for (const cls of [
      'risk-high',
      'risk-medium',
      'hidden',
      'filtered',
      'pinned',
      'has-more',
      'ring-member',
      'dimmed',
      'path',
      'evidence',
    ]) {
      expect(css).toContain(`.${cls}`);
    }
  });
});
