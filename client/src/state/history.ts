// Undo and redo over the investigation state: a reducer around the explorer's reducer that keeps
// the states before (`past`) and after (`future`) the present one. Only the steps an investigator
// takes on the canvas (expand, collapse, hide, pin, layout, filters, opening a ring or a link)
// are steps; selection, highlighting and the positions a layout reports amend the present state.
import { reducer, type Action } from './reducer.ts';
import type { ExplorerState } from './types.ts';
import { INITIAL_STATE } from './types.ts';

/** Steps kept to undo; older ones drop off. */
export const HISTORY_LIMIT = 50;

export interface HistoryState {
  past: ExplorerState[];
  present: ExplorerState;
  future: ExplorerState[];
  /** The last recorded action, so a run of edits to the same filter field is one step. */
  lastStep: Action | null;
}

export const INITIAL_HISTORY: HistoryState = {
  past: [],
  present: INITIAL_STATE,
  future: [],
  lastStep: null,
};

export type HistoryAction = { type: 'history/undo' } | { type: 'history/redo' };

/** Every action the explorer's canvas state answers to. */
export type CanvasAction = Action | HistoryAction;

const NOT_STEPS: ReadonlySet<Action['type']> = new Set<Action['type']>([
  'select',
  'positions/set',
  'ring/highlight',
  'paths/show',
  'paths/clear',
  'paths/from',
  'paths/restore',
  'ring/restore',
  'case/open',
]);

/** True when an action is a step of its own on the undo list. */
export function isStep(action: Action): boolean {
  return !NOT_STEPS.has(action.type);
}

/** Typing into one filter field is one step, not one per keystroke. */
function continuesStep(previous: Action | null, action: Action): boolean {
  if (previous?.type !== 'filters/set' || action.type !== 'filters/set') return false;
  const fields = (a: typeof action) => Object.keys(a.filters).sort().join(',');
  return fields(previous) === fields(action);
}

export function historyReducer(history: HistoryState, action: CanvasAction): HistoryState {
  switch (action.type) {
    case 'history/undo': {
      const previous = history.past.at(-1);
      if (!previous) return history;
      return {
        past: history.past.slice(0, -1),
        present: previous,
        future: [history.present, ...history.future],
        lastStep: null,
      };
    }
    case 'history/redo': {
      const [next, ...rest] = history.future;
      if (!next) return history;
      return { past: [...history.past, history.present], present: next, future: rest, lastStep: null };
    }
    default: {
      const present = reducer(history.present, action);
      if (present === history.present) return history;
      if (!isStep(action)) return { ...history, present };
      if (continuesStep(history.lastStep, action))
        return { ...history, present, future: [], lastStep: action };
      const past = [...history.past, history.present].slice(-HISTORY_LIMIT);
      return { past, present, future: [], lastStep: action };
    }
  }
}

export const canUndo = (history: HistoryState): boolean => history.past.length > 0;
export const canRedo = (history: HistoryState): boolean => history.future.length > 0;
