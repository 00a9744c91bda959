// The investigation state reducer: expansion and collapse, selection, hide, pins, filters,
// rings and paths.
import { describe, expect, it } from 'vitest';
import { indicatorEvidence, reducer, type Action } from '../../client/src/state/reducer.ts';
import { INITIAL_STATE, NO_PATH, type ExplorerState } from '../../client/src/state/types.ts';
import { link, party, ringDetail } from './fixtures.ts';

const run = (actions: Action[], from: ExplorerState = INITIAL_STATE) => actions.reduce(reducer, from);

const seed = party('Importer:A', 0.5);
const b = party('Broker:B');
const c = party('Phone:555');

describe('expansion and collapse', () => {
  it('adds the neighbours and remembers what the expansion brought', () => {
    const state = run([
      { type: 'graph/add', nodes: [seed], edges: [] },
      {
        type: 'graph/expanded',
        key: seed.key,
        nodes: [seed, b, c],
        edges: [link('HAS_PHONE', seed.key, c.key)],
        limit: 25,
        truncated: true,
      },
    ]);
    expect(Object.keys(state.nodes).sort()).toEqual([b.key, seed.key, c.key].sort());
    expect(state.expansions[seed.key]).toEqual({ added: [b.key, c.key], limit: 25, truncated: true });
  });

  it('drops an edge whose endpoint is not on the canvas', () => {
    const state = run([{ type: 'graph/add', nodes: [seed], edges: [link('HAS_PHONE', seed.key, c.key)] }]);
    expect(state.edges).toEqual({});
  });

  it('collapse removes what the expansion added, but keeps pinned nodes and those of other expansions', () => {
    const d = party('Person:D');
    const state = run([
      { type: 'graph/add', nodes: [seed], edges: [] },
      {
        type: 'graph/expanded',
        key: seed.key,
        nodes: [b, c, d],
        edges: [link('DIRECTS', d.key, seed.key), link('HAS_PHONE', seed.key, c.key)],
        limit: 25,
        truncated: false,
      },
      { type: 'graph/expanded', key: d.key, nodes: [d, seed], edges: [], limit: 25, truncated: false },
      { type: 'pin/toggle', keys: [c.key] },
      { type: 'select', keys: [b.key, seed.key] },
      { type: 'graph/collapse', key: seed.key },
    ]);
    // d stays: it was expanded itself; c stays: pinned; b goes.
    expect(Object.keys(state.nodes).sort()).toEqual([seed.key, c.key, d.key].sort());
    expect(state.selection).toEqual([seed.key]);
    expect(state.expansions[seed.key]).toBeUndefined();
    expect(Object.keys(state.edges).sort()).toEqual(
      [link('DIRECTS', d.key, seed.key).id, link('HAS_PHONE', seed.key, c.key).id].sort(),
    );
  });

  it('collapse of a node never expanded changes nothing', () => {
    const state = run([{ type: 'graph/add', nodes: [seed], edges: [] }]);
    expect(reducer(state, { type: 'graph/collapse', key: seed.key })).toBe(state);
  });

  it('a second ("more…") expansion keeps the earlier additions', () => {
    const state = run([
      { type: 'graph/add', nodes: [seed], edges: [] },
      { type: 'graph/expanded', key: seed.key, nodes: [b], edges: [], limit: 1, truncated: true },
      { type: 'graph/expanded', key: seed.key, nodes: [b, c], edges: [], limit: 2, truncated: false },
    ]);
    expect(state.expansions[seed.key]).toEqual({ added: [b.key, c.key], limit: 2, truncated: false });
  });
});

describe('selection, hide and pins', () => {
  const base = run([{ type: 'graph/add', nodes: [seed, b, c], edges: [] }]);

  it('selects only nodes on the canvas', () => {
    expect(reducer(base, { type: 'select', keys: [b.key, 'Importer:nowhere'] }).selection).toEqual([b.key]);
  });

  it('hiding drops the node from the selection; unhide brings it back', () => {
    const hidden = run(
      [
        { type: 'select', keys: [b.key, c.key] },
        { type: 'hide', keys: [b.key] },
      ],
      base,
    );
    expect(hidden.hidden).toEqual([b.key]);
    expect(hidden.selection).toEqual([c.key]);
    expect(reducer(hidden, { type: 'unhideAll' }).hidden).toEqual([]);
  });

  it('pin toggles: pins all when any is unpinned, else unpins all', () => {
    const one = reducer(base, { type: 'pin/toggle', keys: [b.key] });
    const both = reducer(one, { type: 'pin/toggle', keys: [b.key, c.key] });
    expect(both.pinned.sort()).toEqual([b.key, c.key].sort());
    expect(reducer(both, { type: 'pin/toggle', keys: [b.key, c.key] }).pinned).toEqual([]);
  });
});

describe('filters, rings, paths, layout', () => {
  it('filters merge and reset without touching the graph', () => {
    const state = run([
      { type: 'graph/add', nodes: [seed], edges: [] },
      { type: 'filters/set', filters: { hsChapter: '85' } },
      { type: 'filters/set', filters: { minRisk: 0.4 } },
    ]);
    expect(state.filters).toMatchObject({ hsChapter: '85', minRisk: 0.4 });
    const reset = reducer(state, { type: 'filters/reset' });
    expect(reset.filters).toEqual(INITIAL_STATE.filters);
    expect(reset.nodes).toBe(state.nodes);
  });

  it('opening a ring draws its members and evidence and unhides them', () => {
    const ring = ringDetail();
    const state = run([
      { type: 'graph/add', nodes: [party('Importer:A')], edges: [] },
      { type: 'hide', keys: ['Importer:A'] },
      { type: 'ring/open', ring },
    ]);
    expect(Object.keys(state.nodes)).toHaveLength(ring.nodes.length);
    expect(Object.keys(state.edges)).toHaveLength(ring.edges.length);
    expect(state.hidden).toEqual([]);
    expect(reducer(state, { type: 'ring/close' }).openRing).toBeNull();
  });

  it('clicking the highlighted indicator again clears the highlight', () => {
    const once = run([
      { type: 'ring/open', ring: ringDetail() },
      { type: 'ring/highlight', indicator: 'shared_address' },
    ]);
    expect(once.highlightedIndicator).toBe('shared_address');
    expect(
      reducer(once, { type: 'ring/highlight', indicator: 'shared_address' }).highlightedIndicator,
    ).toBeNull();
  });

  it("an indicator's evidence names nodes, relationships and declaration lines", () => {
    const ring = ringDetail();
    const address = indicatorEvidence(ring, 'shared_address');
    expect([...address.nodes]).toEqual(['Address:1 main st']);
    expect([...address.edges]).toEqual([ring.edges[0]?.id]);
    expect([...indicatorEvidence(ring, 'unit_value_below_median').nodes]).toEqual(['Shipment:D1/1']);
    expect(indicatorEvidence(ring, 'no_such_indicator').nodes.size).toBe(0);
  });

  it('paths are added to the graph and the shown one is clamped to the list', () => {
    const path = {
      nodes: [seed, c, b],
      edges: [link('HAS_PHONE', seed.key, c.key), link('HAS_PHONE', b.key, c.key)],
    };
    const state = run([
      { type: 'paths/found', paths: [path, path] },
      { type: 'paths/show', index: 9 },
    ]);
    expect(state.paths).toHaveLength(2);
    expect(state.activePath).toBe(1);
    expect(Object.keys(state.edges)).toHaveLength(2);
    expect(reducer(state, { type: 'paths/clear' }).paths).toEqual([]);
  });

  it('the latest emphasis wins: evidence hides the shown path, a path clears the evidence', () => {
    const path = {
      nodes: [party('Importer:A'), party('Importer:B')],
      edges: [link('SUCCEEDS', 'Importer:A', 'Importer:B')],
    };
    const highlighted = run([
      { type: 'ring/open', ring: ringDetail() },
      { type: 'paths/found', paths: [path] },
      { type: 'ring/highlight', indicator: 'shared_address' },
    ]);
    expect(highlighted.activePath).toBe(NO_PATH);
    const shown = reducer(highlighted, { type: 'paths/show', index: 0 });
    expect(shown.activePath).toBe(0);
    expect(shown.highlightedIndicator).toBeNull();
  });

  it('choosing a layout asks for a fresh layout run', () => {
    const state = run([{ type: 'layout/set', layout: 'concentric' }, { type: 'layout/run' }]);
    expect(state.layout).toBe('concentric');
    expect(state.layoutRun).toBe(INITIAL_STATE.layoutRun + 2);
  });

  it('clear empties the graph but keeps filters, layout and the open case', () => {
    const state = run([
      { type: 'graph/add', nodes: [seed], edges: [] },
      { type: 'filters/set', filters: { hsChapter: '61' } },
      { type: 'case/open', id: 'C-1' },
      { type: 'graph/clear' },
    ]);
    expect(state.nodes).toEqual({});
    expect(state.filters.hsChapter).toBe('61');
    expect(state.caseId).toBe('C-1');
  });
});
