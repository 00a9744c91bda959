// The investigation state: plain, serialisable data. The canvas draws from it; nothing the
// canvas computes (positions aside) is written back into it.
import type { NodeLabel } from '../../../src/api/index.ts';
import type { ApiEdge, ApiNode, RingDetail } from '../api/schemas.ts';

export interface Filters {
  /** ISO dates (YYYY-MM-DD), inclusive; '' when unset. Apply to Shipment nodes. */
  dateFrom: string;
  dateTo: string;
  /** Two-digit HS chapter (or a longer prefix); '' when unset. Applies to Shipment nodes. */
  hsChapter: string;
  /** Labels shown; an empty list shows every label. */
  labels: NodeLabel[];
  /** Parties scored below this are hidden; 0 shows all. */
  minRisk: number;
}

export const NO_FILTERS: Filters = { dateFrom: '', dateTo: '', hsChapter: '', labels: [], minRisk: 0 };

/** What one expansion added, so it can be collapsed and continued ("more…"). */
export interface Expansion {
  added: string[];
  limit: number;
  truncated: boolean;
}

export interface FoundPath {
  nodes: string[];
  edges: string[];
}

/** activePath when no path is shown. */
export const NO_PATH = -1;

export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst';

export interface ExplorerState {
  nodes: Record<string, ApiNode>;
  edges: Record<string, ApiEdge>;
  selection: string[];
  hidden: string[];
  pinned: string[];
  expansions: Record<string, Expansion>;
  filters: Filters;
  openRing: RingDetail | null;
  /** Name of the ring indicator whose evidence is highlighted. */
  highlightedIndicator: string | null;
  paths: FoundPath[];
  /** Index of the path shown on the canvas, NO_PATH when none is. */
  activePath: number;
  caseId: string | null;
  layout: LayoutName;
  /** Bumped to ask the canvas for a fresh layout. */
  layoutRun: number;
}

export const INITIAL_STATE: ExplorerState = {
  nodes: {},
  edges: {},
  selection: [],
  hidden: [],
  pinned: [],
  expansions: {},
  filters: NO_FILTERS,
  openRing: null,
  highlightedIndicator: null,
  paths: [],
  activePath: NO_PATH,
  caseId: null,
  layout: 'fcose',
  layoutRun: 0,
};
