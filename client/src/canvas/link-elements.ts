// What the canvas draws for trade links, derived from the state by pure functions: one edge per
// link (width by value, labelled with its line count and value) and one node per overflow group
// ("412 more importers") joined to its party.
import type { NodeLabel } from '../../../src/api/index.ts';
import { formatCompact, formatMoney } from '../format.ts';
import type { ExplorerState, LinkGroup, TradeLink, TradeRole } from '../state/types.ts';

export interface LinkEdgeData {
  id: string;
  source: string;
  target: string;
  type: 'TRADES' | 'GROUPED';
  role: TradeRole;
  /** Line width in pixels, from the link's value. */
  width: number;
  caption: string;
}

export interface GroupNodeData {
  id: string;
  label: 'Group';
  caption: string;
  risk: number;
  size: number;
  party: string;
  role: TradeRole;
}

export const ROLE_LABEL: Record<TradeRole, NodeLabel> = {
  importer: 'Importer',
  broker: 'Broker',
  supplier: 'Supplier',
  consignee: 'Consignee',
};

const WIDTH_MIN = 1.5;
const WIDTH_MAX = 10;

/** A link's width: one and a half pixels a decade of value above a thousand, within 1.5–10. */
export function linkWidth(value: number): number {
  const width = 1 + (Math.log10(Math.max(0, value) + 1) - 3) * 1.5;
  return Math.round(Math.min(WIDTH_MAX, Math.max(WIDTH_MIN, width)) * 10) / 10;
}

/** "12 lines · €1.2M". */
export function linkCaption(link: Pick<TradeLink, 'lines' | 'value'>, currency: string | null): string {
  const lines = `${formatCompact(link.lines)} ${link.lines === 1 ? 'line' : 'lines'}`;
  return `${lines} · ${formatMoney(link.value, currency, { compact: true })}`;
}

/** "412 more importers". */
export function groupCaption(group: Pick<LinkGroup, 'parties' | 'role'>): string {
  const noun = group.parties === 1 ? group.role : `${group.role}s`;
  return `${group.parties.toLocaleString('en-GB')} more ${noun}`;
}

export function linkEdgeData(link: TradeLink, currency: string | null): LinkEdgeData {
  const { id, source, target, role } = link;
  return {
    id,
    source,
    target,
    type: 'TRADES',
    role,
    width: linkWidth(link.value),
    caption: linkCaption(link, currency),
  };
}

export const groupEdgeId = (group: LinkGroup): string => `${group.id}|edge`;

export function groupNodeData(group: LinkGroup): GroupNodeData {
  return {
    id: group.id,
    label: 'Group',
    caption: groupCaption(group),
    risk: 0,
    size: 40,
    party: group.party,
    role: group.role,
  };
}

export function groupEdgeData(group: LinkGroup, currency: string | null): LinkEdgeData {
  return {
    id: groupEdgeId(group),
    source: group.party,
    target: group.id,
    type: 'GROUPED',
    role: group.role,
    width: linkWidth(group.value),
    caption: linkCaption(group, currency),
  };
}

/**
 * Classes of the link edges and group nodes: hidden with a hidden or filtered party (a group also
 * when the label filter drops its role), emphasised when both ends are.
 */
export function linkClasses(
  state: ExplorerState,
  invisible: ReadonlySet<string>,
  focus: { nodes: ReadonlySet<string>; kind: string } | null,
): { nodes: Record<string, string[]>; edges: Record<string, string[]> } {
  const out: { nodes: Record<string, string[]>; edges: Record<string, string[]> } = { nodes: {}, edges: {} };
  const emphasis = (a: string, b: string) =>
    focus ? [focus.nodes.has(a) && focus.nodes.has(b) ? focus.kind : 'dimmed'] : [];
  for (const link of Object.values(state.links)) {
    const classes = ['trade-link', ...emphasis(link.source, link.target)];
    if (invisible.has(link.source) || invisible.has(link.target)) classes.push('hidden');
    if (state.linkLines[link.id]) classes.push('opened');
    out.edges[link.id] = classes;
  }
  const labels = state.filters.labels;
  for (const group of Object.values(state.groups)) {
    const dropped = labels.length > 0 && !labels.includes(ROLE_LABEL[group.role]);
    const hidden = invisible.has(group.party) || dropped || state.hidden.includes(group.id);
    const classes = ['group', ...(hidden ? ['hidden'] : []), ...(focus ? ['dimmed'] : [])];
    out.nodes[group.id] = classes;
    out.edges[groupEdgeId(group)] = [...classes.filter((c) => c !== 'group'), 'group-link'];
  }
  return out;
}
