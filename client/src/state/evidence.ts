// Evidence actions: the open ring with its highlighted indicator, and the paths found between
// two nodes. Both emphasise part of the canvas, and the latest emphasis wins.
import { nodeKey } from '../../../src/api/index.ts';
import type { ApiEdge, ApiNode, RingDetail } from '../api/schemas.ts';
import { addElements } from './graph.ts';
import { without } from './lists.ts';
import type { ExplorerState, FoundPath } from './types.ts';
import { NO_PATH } from './types.ts';

export type EvidenceAction =
  | { type: 'ring/open'; ring: RingDetail }
  | { type: 'ring/close' }
  /** A saved investigation's ring view put back: nothing drawn, laid out or selected anew. */
  | { type: 'ring/restore'; ring: RingDetail; indicator: string | null }
  | { type: 'ring/highlight'; indicator: string | null }
  | { type: 'paths/found'; paths: { nodes: ApiNode[]; edges: ApiEdge[] }[] }
  | { type: 'paths/show'; index: number }
  | { type: 'paths/clear' }
  | { type: 'paths/from'; key: string }
  /** A saved investigation's paths, whose nodes and edges the restored canvas holds. */
  | { type: 'paths/restore'; paths: FoundPath[]; activePath: number };

function openRing(state: ExplorerState, ring: RingDetail): ExplorerState {
  return {
    ...state,
    ...addElements(state, ring.nodes, ring.edges),
    openRing: ring,
    highlightedIndicator: null,
    // A ring is a new question: lay the canvas out again so the ring reads as a whole.
    layoutRun: state.layoutRun + 1,
    selection: [],
    hidden: without(state.hidden, new Set(ring.nodes.map((node) => node.key))),
  };
}

function pathsFound(state: ExplorerState, found: { nodes: ApiNode[]; edges: ApiEdge[] }[]): ExplorerState {
  let next: Pick<ExplorerState, 'nodes' | 'edges'> = state;
  const paths: FoundPath[] = [];
  for (const path of found) {
    next = addElements({ ...state, ...next }, path.nodes, path.edges);
    paths.push({ nodes: path.nodes.map((n) => n.key), edges: path.edges.map((e) => e.id) });
  }
  return { ...state, ...next, paths, activePath: 0, highlightedIndicator: null };
}

export function evidenceReducer(state: ExplorerState, action: EvidenceAction): ExplorerState {
  switch (action.type) {
    case 'ring/open':
      return openRing(state, action.ring);
    case 'ring/close':
      return { ...state, openRing: null, highlightedIndicator: null };
    case 'ring/restore': {
      const named = action.ring.ring.indicators.some((i) => i.name === action.indicator);
      return { ...state, openRing: action.ring, highlightedIndicator: named ? action.indicator : null };
    }
    case 'ring/highlight':
      // The latest emphasis wins: highlighting evidence stops showing a path.
      return {
        ...state,
        highlightedIndicator: action.indicator === state.highlightedIndicator ? null : action.indicator,
        activePath: NO_PATH,
      };
    case 'paths/found':
      return pathsFound(state, action.paths);
    case 'paths/show':
      return {
        ...state,
        activePath: Math.max(0, Math.min(action.index, state.paths.length - 1)),
        highlightedIndicator: null,
      };
    case 'paths/clear':
      return { ...state, paths: [], activePath: NO_PATH };
    case 'paths/from':
      return { ...state, pathFrom: action.key, selection: [action.key] };
    case 'paths/restore':
      return {
        ...state,
        paths: action.paths,
        activePath: action.activePath < action.paths.length ? action.activePath : NO_PATH,
      };
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
