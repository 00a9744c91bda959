// A saved investigation's canvas round trip in the explorer's state: what canvasOf saves, passed
// through the API's schema, put back by restoreActions on an empty canvas gives the same trade
// links, groups, opened link lines and expansions as were drawn.
import { describe, expect, it } from 'vitest';
import { CanvasState } from '../../src/api/investigations.ts';
import type { TradeLinksAnswer } from '../../src/api/trade.ts';
import { canvasOf, restoreActions } from '../../client/src/panels/investigations/snapshot.ts';
import { reducer } from '../../client/src/state/reducer.ts';
import { INITIAL_STATE } from '../../client/src/state/types.ts';
import { party } from './fixtures.ts';

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
