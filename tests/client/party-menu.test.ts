// A party's right-click menu holds every action the investigators asked for: expand, hide, pin,
// find paths from here, show lines and, with a case open that the user may change, add to case
// (given the party's name, for the notice that follows).
import { describe, expect, it } from 'vitest';
import { menuItems } from '../../client/src/canvas/GraphCanvas.tsx';
import { reducer } from '../../client/src/state/reducer.ts';
import { INITIAL_STATE } from '../../client/src/state/types.ts';
import { party } from './fixtures.ts';

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

describe("a party's right-click menu", () => {
  it('lists expand, hide, pin, find paths, show lines and add to case, in that order', () => {
    const importer = party('Importer:IM-7', 0.4, 'Harbour Trading');
    const state = reducer(INITIAL_STATE, { type: 'graph/add', nodes: [importer], edges: [] });
    const asked: [string, string][] = [];
    const extra = (key: string, name: string) => {
      asked.push([key, name]);
      return { label: 'Add to case Harbour ring', run: noop };
    };
    const at = { id: importer.key, kind: 'node' as const, x: 0, y: 0 };
    expect(menuItems(state, at, handlers, extra).map((i) => i.label)).toEqual([
      'Expand',
      'Hide',
      'Pin',
      'Find paths from here',
      'Show lines',
      'Add to case Harbour ring',
    ]);
    expect(asked).toEqual([['Importer:IM-7', 'Harbour Trading']]);
  });
});
