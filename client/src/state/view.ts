// View actions: the filters, the layout and the open case; none of them changes what the
// canvas holds.
import type { ExplorerState, Filters, LayoutName } from './types.ts';
import { INITIAL_STATE } from './types.ts';

export type ViewAction =
  | { type: 'filters/set'; filters: Partial<Filters> }
  | { type: 'filters/reset' }
  | { type: 'case/open'; id: string | null }
  | { type: 'layout/set'; layout: LayoutName }
  | { type: 'layout/run' };

export function viewReducer(state: ExplorerState, action: ViewAction): ExplorerState {
  switch (action.type) {
    case 'filters/set':
      return { ...state, filters: { ...state.filters, ...action.filters } };
    case 'filters/reset':
      return { ...state, filters: INITIAL_STATE.filters };
    case 'case/open':
      return { ...state, caseId: action.id };
    case 'layout/set':
      return { ...state, layout: action.layout, layoutRun: state.layoutRun + 1 };
    case 'layout/run':
      return { ...state, layoutRun: state.layoutRun + 1 };
  }
}
