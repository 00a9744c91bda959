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

/** The counterpart's side of a trade link: what it does on the lines the two parties share. */
export type TradeRole = 'importer' | 'broker' | 'supplier' | 'consignee';

/** Declaration lines two parties share, drawn as one edge. */
export interface TradeLink {
  /** `TRADES|<key>|<key>`, the two keys in sorted order: one link whichever side was expanded. */
  id: string;
  source: string;
  target: string;
  /** The role of the party at `target` on these lines. */
  role: TradeRole;
  lines: number;
  value: number;
  first: string;
  last: string;
}

/** A party's links beyond what is drawn, one node per role ("412 more importers"). */
export interface LinkGroup {
  /** `GROUP|<party key>|<role>`. */
  id: string;
  party: string;
  role: TradeRole;
  parties: number;
  lines: number;
  value: number;
  first: string;
  last: string;
}

/** The declaration lines of a link put on the canvas, and the cursor of the next page. */
export interface LinkLines {
  added: string[];
  next: string | null;
}

export interface Position {
  x: number;
  y: number;
}

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
  /** The node a path search starts from, when one was picked on the canvas. */
  pathFrom: string | null;
  caseId: string | null;
  /** Node keys of the case shown on the canvas (its entities), marked there. */
  caseMembers: string[];
  layout: LayoutName;
  /** Bumped to ask the canvas for a fresh layout. */
  layoutRun: number;
  /** Trade links by id, drawn between parties held in `nodes`. */
  links: Record<string, TradeLink>;
  /** Overflow groups by id, each drawn as one node beside its party. */
  groups: Record<string, LinkGroup>;
  /** Per link id, the declaration lines it was expanded into. */
  linkLines: Record<string, LinkLines>;
  /** Node positions the canvas last reported (after a layout or a drag), for undo and saving. */
  positions: Record<string, Position>;
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
  pathFrom: null,
  caseId: null,
  caseMembers: [],
  layout: 'fcose',
  layoutRun: 0,
  links: {},
  groups: {},
  linkLines: {},
  positions: {},
};
