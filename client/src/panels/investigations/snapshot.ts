// An investigation's canvas to and from the explorer's state: what is saved (the nodes and links
// held, the trade links, groups and opened link lines, where each node stands, filters, selection,
// hidden and pinned nodes, the layout, the open ring's id with its highlighted indicator, the
// paths found) and the actions that put a saved canvas back. Positions live in Cytoscape, so they
// are passed in; the ring is asked from the API again by whoever opens the canvas (ringToReopen).
import type { CanvasState } from '../../../../src/api/investigations.ts';
import type { Action } from '../../state/reducer.ts';
import type { ExplorerState, FoundPath } from '../../state/types.ts';
import { NO_PATH } from '../../state/types.ts';

export type Positions = CanvasState['positions'];

export function canvasOf(state: ExplorerState, positions: Positions): CanvasState {
  const held = (keys: string[]) => keys.filter((key) => state.nodes[key] !== undefined);
  const { dateFrom, dateTo, hsChapter, labels, minRisk } = state.filters;
  return {
    nodes: Object.values(state.nodes),
    edges: Object.values(state.edges),
    positions: Object.fromEntries(
      Object.entries(positions).filter(([key]) => state.nodes[key] !== undefined),
    ),
    filters: { dateFrom, dateTo, hsChapter, labels, minRisk },
    selection: held(state.selection),
    hidden: held(state.hidden),
    pinned: held(state.pinned),
    layout: state.layout,
    links: Object.values(state.links),
    groups: Object.values(state.groups),
    linkLines: state.linkLines,
    expansions: Object.fromEntries(
      Object.entries(state.expansions).filter(([key]) => state.nodes[key] !== undefined),
    ),
    ring: state.openRing?.ring.id ?? null,
    indicator: state.openRing ? state.highlightedIndicator : null,
    // A path through a node collapsed since it was found is no longer on the canvas.
    ...pathsOf(state),
  };
}

function pathsOf(state: ExplorerState): Pick<CanvasState, 'paths' | 'activePath'> {
  const onCanvas = (p: FoundPath) =>
    p.nodes.every((key) => state.nodes[key] !== undefined) &&
    p.edges.every((id) => state.edges[id] !== undefined);
  const shown = state.paths[state.activePath];
  const paths = state.paths.filter(onCanvas);
  return { paths, activePath: shown && onCanvas(shown) ? paths.indexOf(shown) : NO_PATH };
}

/** The ring a saved canvas had open and the indicator highlighted in it, if any. */
export function ringToReopen(canvas: CanvasState): { id: string; indicator: string | null } | null {
  return canvas.ring === null ? null : { id: canvas.ring, indicator: canvas.indicator };
}

/** The actions that draw a saved canvas on a cleared one; pins come after positions are set. */
export function restoreActions(canvas: CanvasState): Action[] {
  const actions: Action[] = [
    { type: 'graph/clear' },
    { type: 'graph/add', nodes: canvas.nodes, edges: canvas.edges },
    {
      type: 'links/restore',
      links: canvas.links,
      groups: canvas.groups,
      linkLines: canvas.linkLines,
      expansions: canvas.expansions,
    },
    { type: 'filters/set', filters: canvas.filters },
    { type: 'layout/set', layout: canvas.layout },
    { type: 'paths/restore', paths: canvas.paths, activePath: canvas.activePath },
  ];
  if (canvas.hidden.length > 0) actions.push({ type: 'hide', keys: canvas.hidden });
  actions.push({ type: 'select', keys: canvas.selection });
  return actions;
}
