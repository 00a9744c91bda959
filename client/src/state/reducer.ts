// Every change to the investigation state, as a pure reducer: (state, action) → state.
import { nodeKey } from '../../../src/model/index.ts';
import type { ApiEdge, ApiNode, RingDetail } from '../api/schemas.ts';
import type { ExplorerState, Filters, FoundPath, LayoutName } from './types.ts';
import { INITIAL_STATE, NO_PATH } from './types.ts';

export type Action =
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
  | { type: 'graph/clear' }
  | { type: 'select'; keys: string[] }
  | { type: 'hide'; keys: string[] }
  | { type: 'unhideAll' }
  | { type: 'pin/toggle'; keys: string[] }
  | { type: 'filters/set'; filters: Partial<Filters> }
  | { type: 'filters/reset' }
  | { type: 'ring/open'; ring: RingDetail }
  | { type: 'ring/close' }
  | { type: 'ring/highlight'; indicator: string | null }
  | { type: 'paths/found'; paths: { nodes: ApiNode[]; edges: ApiEdge[] }[] }
  | { type: 'paths/show'; index: number }
  | { type: 'paths/clear' }
  | { type: 'case/open'; id: string | null }
  | { type: 'layout/set'; layout: LayoutName }
  | { type: 'layout/run' };

function addElements(
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

function without(list: string[], drop: ReadonlySet<string>): string[] {
  return list.filter((item) => !drop.has(item));
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
    selection: without(state.selection, removed),
    hidden: without(state.hidden, removed),
  };
}

function ringEvidenceKeys(ring: RingDetail): string[] {
  return ring.nodes.map((node) => node.key);
}

export function reducer(state: ExplorerState, action: Action): ExplorerState {
  switch (action.type) {
    case 'graph/add':
      return { ...state, ...addElements(state, action.nodes, action.edges) };
    case 'graph/expanded': {
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
    case 'graph/collapse':
      return collapse(state, action.key);
    case 'graph/clear':
      return { ...INITIAL_STATE, filters: state.filters, layout: state.layout, caseId: state.caseId };
    case 'select':
      return { ...state, selection: action.keys.filter((k) => state.nodes[k]) };
    case 'hide': {
      const hidden = new Set([...state.hidden, ...action.keys]);
      return { ...state, hidden: [...hidden], selection: without(state.selection, hidden) };
    }
    case 'unhideAll':
      return { ...state, hidden: [] };
    case 'pin/toggle': {
      const pinned = new Set(state.pinned);
      const pinAll = action.keys.some((k) => !pinned.has(k));
      for (const key of action.keys) {
        if (pinAll) pinned.add(key);
        else pinned.delete(key);
      }
      return { ...state, pinned: [...pinned] };
    }
    case 'filters/set':
      return { ...state, filters: { ...state.filters, ...action.filters } };
    case 'filters/reset':
      return { ...state, filters: INITIAL_STATE.filters };
    case 'ring/open':
      return {
        ...state,
        ...addElements(state, action.ring.nodes, action.ring.edges),
        openRing: action.ring,
        highlightedIndicator: null,
        // A ring is a new question: lay the canvas out again so the ring reads as a whole.
        layoutRun: state.layoutRun + 1,
        selection: [],
        hidden: without(state.hidden, new Set(ringEvidenceKeys(action.ring))),
      };
    case 'ring/close':
      return { ...state, openRing: null, highlightedIndicator: null };
    case 'ring/highlight':
      // The latest emphasis wins: highlighting evidence stops showing a path.
      return {
        ...state,
        highlightedIndicator: action.indicator === state.highlightedIndicator ? null : action.indicator,
        activePath: NO_PATH,
      };
    case 'paths/found': {
      let next: Pick<ExplorerState, 'nodes' | 'edges'> = state;
      const paths: FoundPath[] = [];
      for (const path of action.paths) {
        next = addElements({ ...state, ...next }, path.nodes, path.edges);
        paths.push({ nodes: path.nodes.map((n) => n.key), edges: path.edges.map((e) => e.id) });
      }
      return { ...state, ...next, paths, activePath: 0, highlightedIndicator: null };
    }
    case 'paths/show':
      return {
        ...state,
        activePath: Math.max(0, Math.min(action.index, state.paths.length - 1)),
        highlightedIndicator: null,
      };
    case 'paths/clear':
      return { ...state, paths: [], activePath: NO_PATH };
    case 'case/open':
      return { ...state, caseId: action.id };
    case 'layout/set':
      return { ...state, layout: action.layout, layoutRun: state.layoutRun + 1 };
    case 'layout/run':
      return { ...state, layoutRun: state.layoutRun + 1 };
  }
}

/** Keys of the nodes and ids of the edges an indicator's evidence names. */
export function indicatorEvidence(
  ring: RingDetail,
  indicatorName: string,
): { nodes: Set<string>; edges: Set<string> } {
  const indicator = ring.ring.indicators.find((i) => i.name === indicatorName);
  const nodes = new Set<string>();
  const edges = new Set<string>(indicator?.evidence.rels ?? []);
  for (const ref of indicator?.evidence.nodes ?? []) nodes.add(nodeKey(ref));
  for (const declaration of indicator?.evidence.declarations ?? []) nodes.add(`Shipment:${declaration}`);
  return { nodes, edges };
}
