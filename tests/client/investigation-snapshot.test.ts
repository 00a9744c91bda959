// A saved investigation's canvas round trip in the explorer's state: what canvasOf saves, passed
// through the API's schema, put back by restoreActions on an empty canvas gives the same trade
// links, groups, opened link lines and expansions as were drawn, the same paths found and the
// ring view that was open, with its highlighted indicator.
import { describe, expect, it } from 'vitest';
import { CanvasState } from '../../src/api/investigations.ts';
import type { TradeLinksAnswer } from '../../src/api/trade.ts';
import { canvasOf, restoreActions, ringToReopen } from '../../client/src/panels/investigations/snapshot.ts';
import { reducer, type Action } from '../../client/src/state/reducer.ts';
import { INITIAL_STATE, NO_PATH } from '../../client/src/state/types.ts';
import { link, party, ringDetail } from './fixtures.ts';

const broker = party('Broker:B1', 0.6, 'Norova Customs');
const importer = party('Importer:A');
const aggregate = { lines: 3, value: 1200.5, first: '2024-01-02', last: '2024-05-06' };
const answer: TradeLinksAnswer = {
  party: broker,
  links: [{ id: `TRADES|${broker.key}|${importer.key}`, role: 'importer', other: importer, ...aggregate }],
  more: [{ role: 'importer', parties: 411, ...aggregate }],
};

describe('a saved canvas with trade links', () => {
  it('reopens with the links, groups and expansions it was saved with', () => {
    const drawn = reducer(INITIAL_STATE, {
      type: 'links/expanded',
      key: broker.key,
      answer,
      neighbours: { nodes: [], edges: [] },
      limit: 1,
    });
    expect(Object.keys(drawn.links)).toHaveLength(1);
    const saved = CanvasState.parse(JSON.parse(JSON.stringify(canvasOf(drawn, {}))));
    const reopened = restoreActions(saved).reduce(reducer, INITIAL_STATE);
    expect(reopened.links).toEqual(drawn.links);
    expect(reopened.groups).toEqual(drawn.groups);
    expect(Object.values(reopened.groups)[0]).toMatchObject({ parties: 411, role: 'importer' });
    expect(reopened.expansions).toEqual(drawn.expansions);
    expect(Object.keys(reopened.nodes).sort()).toEqual(Object.keys(drawn.nodes).sort());
  });
});

describe('a saved canvas with a ring view and paths', () => {
  const a = party('Importer:A');
  const b = party('Importer:B');
  const c = party('Phone:+44 1');
  const viaPhone = {
    nodes: [a, c, b],
    edges: [link('HAS_PHONE', a.key, c.key), link('HAS_PHONE', b.key, c.key)],
  };
  const direct = { nodes: [a, b], edges: [link('SUCCEEDS', a.key, b.key)] };
  const drawn = [
    { type: 'ring/open', ring: ringDetail() },
    { type: 'ring/highlight', indicator: 'shared_address' },
    { type: 'paths/found', paths: [viaPhone, direct] },
    { type: 'paths/show', index: 1 },
  ] satisfies Action[];
  const reopen = (state: typeof INITIAL_STATE) =>
    restoreActions(CanvasState.parse(JSON.parse(JSON.stringify(canvasOf(state, {}))))).reduce(
      reducer,
      INITIAL_STATE,
    );

  it('reopens with the paths found, the one shown, and names the open ring to ask for again', () => {
    const state = drawn.reduce(reducer, INITIAL_STATE);
    const saved = canvasOf(state, {});
    expect(saved.ring).toBe('R-shared_identifiers-1');
    // Showing a path ended the highlight: the latest emphasis wins, and is what is saved.
    expect(saved.indicator).toBeNull();
    expect(saved.activePath).toBe(1);
    const reopened = reopen(state);
    expect(reopened.paths).toEqual(state.paths);
    expect(reopened.activePath).toBe(1);
    expect(reopened.openRing).toBeNull();
    expect(ringToReopen(CanvasState.parse(saved))).toEqual({ id: 'R-shared_identifiers-1', indicator: null });
  });

  it('puts the ring view back with its highlighted indicator, without a new layout or selection', () => {
    const highlighted = drawn.slice(0, 2).reduce(reducer, INITIAL_STATE);
    const saved = CanvasState.parse(JSON.parse(JSON.stringify(canvasOf(highlighted, {}))));
    const reopened = reopen(highlighted);
    const again = ringToReopen(saved);
    expect(again).toEqual({ id: 'R-shared_identifiers-1', indicator: 'shared_address' });
    const restored = reducer(reopened, {
      type: 'ring/restore',
      ring: ringDetail(),
      indicator: again!.indicator,
    });
    expect(restored.openRing?.ring.id).toBe('R-shared_identifiers-1');
    expect(restored.highlightedIndicator).toBe('shared_address');
    expect(restored.layoutRun).toBe(reopened.layoutRun);
    expect(restored.selection).toEqual(reopened.selection);
    expect(restored.nodes).toBe(reopened.nodes);
    // An indicator the ring no longer has is not highlighted.
    const gone = reducer(reopened, { type: 'ring/restore', ring: ringDetail(), indicator: 'vanished' });
    expect(gone.highlightedIndicator).toBeNull();
  });

  it('keeps only the paths still on the canvas when saved', () => {
    const state = drawn.reduce(reducer, INITIAL_STATE);
    const { [c.key]: _gone, ...nodes } = state.nodes;
    const saved = canvasOf({ ...state, nodes, activePath: 0 }, {});
    expect(saved.paths.map((p) => p.nodes)).toEqual([[a.key, b.key]]);
    expect(saved.activePath).toBe(NO_PATH);
  });

  it('refuses a path off the canvas, a shown path not saved and an indicator without a ring', () => {
    const saved = canvasOf(drawn.reduce(reducer, INITIAL_STATE), {});
    const problem = (canvas: unknown) => CanvasState.safeParse(canvas).error?.issues[0];
    expect(problem({ ...saved, paths: [{ nodes: ['Importer:Z'], edges: [] }], activePath: 0 })).toMatchObject(
      {
        path: ['paths', 0],
      },
    );
    expect(problem({ ...saved, activePath: 2 })).toMatchObject({ path: ['activePath'] });
    expect(problem({ ...saved, ring: null })).toBeUndefined();
    expect(problem({ ...saved, ring: null, indicator: 'shared_address' })).toMatchObject({
      path: ['indicator'],
    });
  });

  it('opens a canvas saved before rings and paths were kept, with none', () => {
    const {
      ring: _r,
      indicator: _i,
      paths: _p,
      activePath: _a,
      ...older
    } = canvasOf(drawn.reduce(reducer, INITIAL_STATE), {});
    const canvas = CanvasState.parse(older);
    expect(canvas).toMatchObject({ ring: null, indicator: null, paths: [], activePath: -1 });
    expect(ringToReopen(canvas)).toBeNull();
  });
});
