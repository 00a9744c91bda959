// Selection actions: which nodes are selected, hidden by hand and pinned in place.
import { without } from './lists.ts';
import type { ExplorerState } from './types.ts';

export type SelectionAction =
  | { type: 'select'; keys: string[] }
  | { type: 'hide'; keys: string[] }
  | { type: 'unhideAll' }
  | { type: 'pin/toggle'; keys: string[] };

/** Pins every key when any is unpinned, otherwise unpins them all. */
function togglePins(pinned: readonly string[], keys: string[]): string[] {
  const next = new Set(pinned);
  const pinAll = keys.some((k) => !next.has(k));
  for (const key of keys) {
    if (pinAll) next.add(key);
    else next.delete(key);
  }
  return [...next];
}

export function selectionReducer(state: ExplorerState, action: SelectionAction): ExplorerState {
  switch (action.type) {
    case 'select':
      return { ...state, selection: action.keys.filter((k) => state.nodes[k]) };
    case 'hide': {
      const hidden = new Set([...state.hidden, ...action.keys]);
      return { ...state, hidden: [...hidden], selection: without(state.selection, hidden) };
    }
    case 'unhideAll':
      return { ...state, hidden: [] };
    case 'pin/toggle':
      return { ...state, pinned: togglePins(state.pinned, action.keys) };
  }
}
