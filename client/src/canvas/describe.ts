// Words for what the pointer is on, derived from the state: a tooltip's lines for a node, a
// group, a trade link or a relationship, and the facts an edge's details list.
import { formatMoney, formatScore } from '../format.ts';
import type { ExplorerState } from '../state/types.ts';
import { groupCaption, linkCaption } from './link-elements.ts';

export interface Described {
  title: string;
  lines: string[];
}

/** A tooltip for the element with this id, or null when the state holds none. */
export function describeElement(state: ExplorerState, id: string, currency: string | null): Described | null {
  const node = state.nodes[id];
  if (node) {
    const risk = node.risk === null ? 'not scored' : formatScore(node.risk);
    const lines = [`${node.label} ${node.id}`, `Risk ${risk}`];
    const expansion = state.expansions[id];
    if (expansion) lines.push(expansion.truncated ? 'Expanded, more to open' : 'Expanded');
    return { title: node.name || node.id, lines };
  }
  const group = state.groups[id];
  if (group) {
    return {
      title: groupCaption(group),
      lines: [linkCaption(group, currency), `${group.first} – ${group.last}`, 'Double-click to draw more'],
    };
  }
  const link = state.links[id];
  if (link)
    return { title: linkTitle(state, link.source, link.target), lines: linkFacts(state, id, currency) };
  const edge = state.edges[id];
  if (edge) return { title: edge.type.replaceAll('_', ' ').toLowerCase(), lines: [edge.source, edge.target] };
  return null;
}

const nameOf = (state: ExplorerState, key: string): string => state.nodes[key]?.name || key;

export function linkTitle(state: ExplorerState, source: string, target: string): string {
  return `${nameOf(state, source)} — ${nameOf(state, target)}`;
}

/** A trade link's facts: role, lines and value, dates, and how many of its lines are drawn. */
export function linkFacts(state: ExplorerState, id: string, currency: string | null): string[] {
  const link = state.links[id];
  if (!link) return [];
  const drawn = state.linkLines[id];
  return [
    `${nameOf(state, link.target)} is the ${link.role}`,
    `${link.lines.toLocaleString('en-GB')} declaration lines`,
    `Value ${formatMoney(link.value, currency)}`,
    `${link.first} – ${link.last}`,
    drawn
      ? `${drawn.added.length.toLocaleString('en-GB')} lines drawn${drawn.next ? ', more to show' : ''}`
      : 'Lines not drawn: double-click or Show lines',
  ];
}
