// Undo and redo over the investigation state, and trade links in the state: which actions are
// steps, what undo and redo restore, typing into one filter as one step, the history's bound,
// links from both sides as one, groups replaced on "more", a link's lines joined to both parties,
// and a collapse taking its links, groups and lines with it.
import { describe, expect, it } from 'vitest';
import type { TradeLinksAnswer } from '../../src/api/trade.ts';
import {
  canRedo,
  canUndo,
  HISTORY_LIMIT,
  historyReducer,
  INITIAL_HISTORY,
  type CanvasAction,
  type HistoryState,
} from '../../client/src/state/history.ts';
import { tradeLinkId } from '../../client/src/state/links.ts';
import { link, party } from './fixtures.ts';

const run = (actions: CanvasAction[], from: HistoryState = INITIAL_HISTORY) =>
  actions.reduce(historyReducer, from);
const keys = (history: HistoryState) => Object.keys(history.present.nodes).sort();

const broker = party('Broker:B1', 0.6, 'Norova Customs');
const importerA = party('Importer:A');
const importerB = party('Importer:B');
const phone = party('Phone:555');

const aggregate = { lines: 3, value: 1200.5, first: '2024-01-02', last: '2024-05-06' };
function tradeLinks(limit: number): TradeLinksAnswer {
  const others = [importerA, importerB].slice(0, limit);
  return {
    party: broker,
    links: others.map((other) => ({
      id: `TRADES|${broker.key}|${other.key}`,
      role: 'importer',
      other,
      ...aggregate,
    })),
    more: limit < 2 ? [{ role: 'importer', parties: 2 - limit, ...aggregate }] : [],
  };
}
const expandBroker = (limit: number): CanvasAction => ({
  type: 'links/expanded',
  key: broker.key,
  answer: tradeLinks(limit),
  neighbours: { nodes: [phone], edges: [link('HAS_PHONE', broker.key, phone.key)] },
  limit,
});

describe('undo and redo', () => {
  const opened = run([{ type: 'graph/add', nodes: [broker], edges: [] }, expandBroker(1)]);

  it('undoes an expansion in one step and redoes it', () => {
    expect(keys(opened)).toEqual([broker.key, importerA.key, phone.key].sort());
    const undone = historyReducer(opened, { type: 'history/undo' });
    expect(keys(undone)).toEqual([broker.key]);
    expect(undone.present.links).toEqual({});
    expect(undone.present.groups).toEqual({});
    expect(canRedo(undone)).toBe(true);
    const redone = historyReducer(undone, { type: 'history/redo' });
    expect(redone.present).toBe(opened.present);
    expect(canRedo(redone)).toBe(false);
  });

  it('keeps selection, highlighting and reported positions out of the steps', () => {
    const selected = run(
      [
        { type: 'select', keys: [importerA.key] },
        { type: 'positions/set', positions: { [broker.key]: { x: 1, y: 2 } } },
      ],
      opened,
    );
    expect(selected.past).toHaveLength(opened.past.length);
    expect(selected.present.selection).toEqual([importerA.key]);
    expect(keys(historyReducer(selected, { type: 'history/undo' }))).toEqual([broker.key]);
  });

  it('records hide, layout and filter steps, and a new step drops what could be redone', () => {
    const steps = run(
      [
        { type: 'hide', keys: [phone.key] },
        { type: 'layout/set', layout: 'concentric' },
        { type: 'filters/set', filters: { minRisk: 0.5 } },
      ],
      opened,
    );
    expect(steps.past).toHaveLength(opened.past.length + 3);
    const back = run([{ type: 'history/undo' }, { type: 'history/undo' }], steps);
    expect(back.present.filters.minRisk).toBe(0);
    expect(back.present.layout).toBe('fcose');
    expect(back.present.hidden).toEqual([phone.key]);
    const branched = historyReducer(back, { type: 'unhideAll' });
    expect(canRedo(branched)).toBe(false);
    expect(branched.present.hidden).toEqual([]);
  });

  it('counts typing into one filter field as one step', () => {
    const typed = run(
      [
        { type: 'filters/set', filters: { hsChapter: '8' } },
        { type: 'filters/set', filters: { hsChapter: '85' } },
        { type: 'filters/set', filters: { dateFrom: '2024-01-01' } },
      ],
      opened,
    );
    expect(typed.past).toHaveLength(opened.past.length + 2);
    const undone = historyReducer(typed, { type: 'history/undo' });
    expect(undone.present.filters.hsChapter).toBe('85');
    expect(historyReducer(undone, { type: 'history/undo' }).present.filters.hsChapter).toBe('');
  });

  it(`keeps the last ${HISTORY_LIMIT} steps and ignores undo with nothing to undo`, () => {
    expect(historyReducer(INITIAL_HISTORY, { type: 'history/undo' })).toBe(INITIAL_HISTORY);
    expect(canUndo(INITIAL_HISTORY)).toBe(false);
    const many = run(Array.from({ length: HISTORY_LIMIT + 7 }, (): CanvasAction => ({ type: 'layout/run' })));
    expect(many.past).toHaveLength(HISTORY_LIMIT);
    expect(many.past[0]?.layoutRun).toBe(7);
  });
});

describe('trade links in the state', () => {
  it('draws one link per pair of parties and one group per role beyond the limit', () => {
    const state = run([expandBroker(1)]).present;
    const id = tradeLinkId(broker.key, importerA.key);
    expect(Object.keys(state.links)).toEqual([id]);
    expect(state.links[id]).toMatchObject({
      source: broker.key,
      target: importerA.key,
      role: 'importer',
      lines: 3,
    });
    expect(state.groups).toEqual({
      [`GROUP|${broker.key}|importer`]: {
        id: `GROUP|${broker.key}|importer`,
        party: broker.key,
        role: 'importer',
        parties: 1,
        ...aggregate,
      },
    });
    expect(state.expansions[broker.key]).toEqual({
      added: [importerA.key, phone.key],
      limit: 1,
      truncated: true,
    });
  });

  it('replaces the group when the party opens further, and one id serves both sides', () => {
    const state = run([expandBroker(1), expandBroker(2)]).present;
    expect(Object.keys(state.links).sort()).toEqual(
      [tradeLinkId(importerA.key, broker.key), tradeLinkId(importerB.key, broker.key)].sort(),
    );
    expect(state.groups).toEqual({});
    expect(state.expansions[broker.key]?.truncated).toBe(false);
  });

  it("joins a link's lines to both parties, and a collapse takes links, groups and lines away", () => {
    const id = tradeLinkId(broker.key, importerA.key);
    const withLines = run([
      expandBroker(1),
      {
        type: 'links/lines',
        linkId: id,
        answer: { lines: [{ shipmentId: 'D9/1', date: '2024-02-03', customsValue: 700 }], next: 'c1' },
      },
    ]);
    const state = withLines.present;
    expect(state.nodes['Shipment:D9/1']?.props).toEqual({ date: '2024-02-03', customsValue: 700 });
    expect(Object.keys(state.edges).sort()).toEqual([
      'DECLARED_BY|Shipment:D9/1|Broker:B1',
      `HAS_PHONE|${broker.key}|${phone.key}`,
      'IMPORTED_BY|Shipment:D9/1|Importer:A',
    ]);
    expect(state.linkLines[id]).toEqual({ added: ['Shipment:D9/1'], next: 'c1' });
    const collapsed = historyReducer(withLines, { type: 'graph/collapse', key: broker.key }).present;
    expect(Object.keys(collapsed.nodes)).toEqual([broker.key]);
    expect([collapsed.links, collapsed.groups, collapsed.linkLines, collapsed.edges]).toEqual([
      {},
      {},
      {},
      {},
    ]);
  });
});
