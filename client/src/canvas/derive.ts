// What the canvas shows, derived from the investigation state by pure functions: Cytoscape
// elements and the classes on each. The canvas applies these; it never writes them back.
import type { ApiEdge, ApiNode } from '../api/schemas.ts';
import { PartyKey } from '../api/schemas.ts';
import { indicatorEvidence } from '../state/evidence.ts';
import { linkClasses } from './link-elements.ts';
import type { ExplorerState, Filters } from '../state/types.ts';

export const RISK_HIGH = 0.7;
export const RISK_MEDIUM = 0.4;
const LABEL_MAX = 28;

export interface NodeData {
  id: string;
  label: string;
  caption: string;
  risk: number;
  /** Node diameter in pixels, from its risk: a plain field the stylesheet reads without a mapper. */
  size: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
}

export function caption(node: ApiNode): string {
  const text = node.name?.trim() || node.id;
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

const SIZE_MIN = 22;
const SIZE_MAX = 54;

/** Risk 0..1 to a diameter; computed once per node instead of per style pass. */
export function nodeSize(risk: number | null): number {
  const clamped = Math.min(1, Math.max(0, risk ?? 0));
  return Math.round(SIZE_MIN + clamped * (SIZE_MAX - SIZE_MIN));
}

export function nodeData(node: ApiNode): NodeData {
  return {
    id: node.key,
    label: node.label,
    caption: caption(node),
    risk: node.risk ?? 0,
    size: nodeSize(node.risk),
  };
}

export function edgeData(edge: ApiEdge): EdgeData {
  return { id: edge.id, source: edge.source, target: edge.target, type: edge.type };
}

export function riskClass(risk: number | null): string {
  if (risk === null) return 'unscored';
  if (risk >= RISK_HIGH) return 'risk-high';
  if (risk >= RISK_MEDIUM) return 'risk-medium';
  return 'risk-low';
}

function propString(node: ApiNode, name: string): string | null {
  const value = node.props[name];
  return typeof value === 'string' ? value : null;
}

/**
 * True when the filters let this node through. Shipments answer to date and HS; parties to risk:
 * above a minimum risk, an unscored party is hidden too (nothing says it reaches the minimum).
 */
export function passesFilters(node: ApiNode, filters: Filters): boolean {
  if (filters.labels.length > 0 && !filters.labels.includes(node.label)) return false;
  if (node.label === 'Shipment') {
    const date = propString(node, 'date');
    if (date && filters.dateFrom && date.slice(0, 10) < filters.dateFrom) return false;
    if (date && filters.dateTo && date.slice(0, 10) > filters.dateTo) return false;
    const hs = propString(node, 'hsCode');
    if (filters.hsChapter && (!hs || !hs.startsWith(filters.hsChapter))) return false;
  }
  if (filters.minRisk > 0) {
    if (node.risk === null ? PartyKey.safeParse(node.key).success : node.risk < filters.minRisk) return false;
  }
  return true;
}

export interface DerivedClasses {
  nodes: Record<string, string[]>;
  edges: Record<string, string[]>;
}

/** The emphasis in force: a highlighted indicator, else the shown path, else the open ring. */
function focusSets(state: ExplorerState): { nodes: Set<string>; edges: Set<string>; kind: string } | null {
  if (state.openRing && state.highlightedIndicator) {
    return { ...indicatorEvidence(state.openRing, state.highlightedIndicator), kind: 'evidence' };
  }
  const path = state.paths[state.activePath];
  if (path) return { nodes: new Set(path.nodes), edges: new Set(path.edges), kind: 'path' };
  if (state.openRing) {
    return {
      nodes: new Set(state.openRing.nodes.map((n) => n.key)),
      edges: new Set(state.openRing.edges.map((e) => e.id)),
      kind: 'ring',
    };
  }
  return null;
}

export function deriveClasses(state: ExplorerState): DerivedClasses {
  const hidden = new Set(state.hidden);
  const pinned = new Set(state.pinned);
  const members = new Set(state.openRing?.ring.members.map((m) => `${m.label}:${m.id}`) ?? []);
  const caseMembers = new Set(state.caseMembers);
  const focus = focusSets(state);
  const out: DerivedClasses = { nodes: {}, edges: {} };
  const invisible = new Set<string>();

  for (const node of Object.values(state.nodes)) {
    const classes = [riskClass(node.risk)];
    if (hidden.has(node.key)) classes.push('hidden');
    else if (!passesFilters(node, state.filters)) classes.push('filtered');
    if (classes.length > 1) invisible.add(node.key);
    if (pinned.has(node.key)) classes.push('pinned');
    const expansion = state.expansions[node.key];
    if (expansion) classes.push(expansion.truncated ? 'has-more' : 'expanded');
    if (members.has(node.key)) classes.push('ring-member');
    if (caseMembers.has(node.key)) classes.push('case-member');
    if (focus) classes.push(focus.nodes.has(node.key) ? focus.kind : 'dimmed');
    out.nodes[node.key] = classes;
  }
  for (const edge of Object.values(state.edges)) {
    const classes: string[] = [];
    if (invisible.has(edge.source) || invisible.has(edge.target)) classes.push('hidden');
    if (focus) classes.push(focus.edges.has(edge.id) ? focus.kind : 'dimmed');
    out.edges[edge.id] = classes;
  }
  const links = linkClasses(state, invisible, focus);
  return { nodes: { ...out.nodes, ...links.nodes }, edges: { ...out.edges, ...links.edges } };
}

/** Counts the filters hide, for the filters panel to say what they did. */
export function filteredCount(state: ExplorerState): number {
  return Object.values(state.nodes).filter((n) => !passesFilters(n, state.filters)).length;
}
