// Graph actions: what the canvas holds (adding elements, expanding a node, collapsing it, clearing).
import type { ApiEdge, ApiNode } from '../api/schemas.ts';
import { pruneLinks } from './links.ts';
import { without } from './lists.ts';
import type { ExplorerState } from './types.ts';
import { INITIAL_STATE } from './types.ts';

export type GraphAction =
  | { type: 'graph/add'; nodes: ApiNode[]; edges: ApiEdge[] }
  | {
      type: 'graph/expanded';
      key: string;
      nodes: ApiNode[];
      edges: ApiEdge[];
      limit: number;
      truncated: boolean;
    }
  | { type: 'graph/collapse'; key: string }
  /** A case drawn: its graph added, its entities (`members`) marked. */
  | { type: 'case/show'; nodes: ApiNode[]; edges: ApiEdge[]; members: string[] }
  | { type: 'graph/clear' };

export function addElements(
  state: ExplorerState,
  nodes: ApiNode[],
  edges: ApiEdge[],
): Pick<ExplorerState, 'nodes' | 'edges'> {
  const nextNodes = { ...state.nodes };
  for (const node of nodes) nextNodes[node.key] = node;
  const nextEdges = { ...state.edges };
  // An edge is drawn only between nodes we hold; the API may name an endpoint it cut off.
  for (const edge of edges) if (nextNodes[edge.source] && nextNodes[edge.target]) nextEdges[edge.id] = edge;
  return { nodes: nextNodes, edges: nextEdges };
}

function expanded(state: ExplorerState, action: Extract<GraphAction, { type: 'graph/expanded' }>) {
  const previous = state.expansions[action.key]?.added ?? [];
  const added = action.nodes
    .map((n) => n.key)
    .filter((k) => k !== action.key && (previous.includes(k) || !state.nodes[k]));
  const merged = [...new Set([...previous, ...added])];
  return {
    ...state,
    ...addElements(state, action.nodes, action.edges),
    expansions: {
      ...state.expansions,
      [action.key]: { added: merged, limit: action.limit, truncated: action.truncated },
    },
  };
}

/** Nodes a collapse must keep: pinned, opened by another expansion, or in the open ring. */
function anchoredKeys(state: ExplorerState, collapsing: string): Set<string> {
  const keep = new Set<string>(state.pinned);
  for (const [key, expansion] of Object.entries(state.expansions)) {
    keep.add(key);
    if (key !== collapsing) for (const added of expansion.added) keep.add(added);
  }
  for (const node of state.openRing?.nodes ?? []) keep.add(node.key);
  for (const path of state.paths) for (const key of path.nodes) keep.add(key);
  return keep;
}

function collapse(state: ExplorerState, key: string): ExplorerState {
  const expansion = state.expansions[key];
  if (!expansion) return state;
  const keep = anchoredKeys(state, key);
  const removed = new Set(expansion.added.filter((added) => !keep.has(added)));
  // The declaration lines of a link that goes with the collapse go with it.
  for (const [id, lines] of Object.entries(state.linkLines)) {
    const link = state.links[id];
    if (link && (removed.has(link.source) || removed.has(link.target)))
      for (const line of lines.added) if (!keep.has(line)) removed.add(line);
  }
  const nodes = Object.fromEntries(Object.entries(state.nodes).filter(([k]) => !removed.has(k)));
  const edges = Object.fromEntries(
    Object.entries(state.edges).filter(([, e]) => !removed.has(e.source) && !removed.has(e.target)),
  );
  const expansions = { ...state.expansions };
  delete expansions[key];
  return {
    ...state,
    nodes,
    edges,
    expansions,
    ...pruneLinks(state, removed, key),
    selection: without(state.selection, removed),
    hidden: without(state.hidden, removed),
  };
}

export function graphReducer(state: ExplorerState, action: GraphAction): ExplorerState {
  switch (action.type) {
    case 'graph/add':
      return { ...state, ...addElements(state, action.nodes, action.edges) };
    case 'case/show':
      return { ...state, ...addElements(state, action.nodes, action.edges), caseMembers: action.members };
    case 'graph/expanded':
      return expanded(state, action);
    case 'graph/collapse':
      return collapse(state, action.key);
    case 'graph/clear':
      return { ...INITIAL_STATE, filters: state.filters, layout: state.layout, caseId: state.caseId };
  }
}
