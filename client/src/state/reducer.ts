// Every change to the investigation state, as a pure reducer: (state, action) → state. Each
// group of actions has its own sub-reducer; this one only routes an action to its group.
import { evidenceReducer, type EvidenceAction } from './evidence.ts';
import { graphReducer, type GraphAction } from './graph.ts';
import { linkReducer, type LinkAction } from './links.ts';
import { selectionReducer, type SelectionAction } from './selection.ts';
import type { ExplorerState } from './types.ts';
import { viewReducer, type ViewAction } from './view.ts';

export { indicatorEvidence } from './evidence.ts';

export type Action = GraphAction | SelectionAction | EvidenceAction | ViewAction | LinkAction;

export function reducer(state: ExplorerState, action: Action): ExplorerState {
  switch (action.type) {
    case 'graph/add':
    case 'graph/expanded':
    case 'graph/collapse':
    case 'graph/clear':
    case 'case/show':
      return graphReducer(state, action);
    case 'select':
    case 'hide':
    case 'unhideAll':
    case 'pin/toggle':
      return selectionReducer(state, action);
    case 'ring/open':
    case 'ring/close':
    case 'ring/highlight':
    case 'ring/restore':
    case 'paths/found':
    case 'paths/restore':
    case 'paths/show':
    case 'paths/clear':
    case 'paths/from':
      return evidenceReducer(state, action);
    case 'filters/set':
    case 'filters/reset':
    case 'case/open':
    case 'layout/set':
    case 'layout/run':
      return viewReducer(state, action);
    case 'links/expanded':
    case 'links/lines':
    case 'links/restore':
    case 'positions/set':
      return linkReducer(state, action);
  }
}
