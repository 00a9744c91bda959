// What expanding a node asks the API for. A trading party opens into its trade links (one edge
// per party it trades with, the overflow one group per role) and its other neighbours
// (identifiers, directors, successors); its declaration lines come only when asked for, on a
// link or with "Show lines". Any other node opens into its neighbourhood as before.
import { NodeLabel } from '../../../src/api/index.ts';
import { api } from '../api/endpoints.ts';
import type { Filters } from '../state/types.ts';
import type { Action } from '../state/reducer.ts';

/** Links listed per role on the first expansion; each "more" doubles it, up to the API's 1,000. */
export const TRADE_LINK_LIMIT = 25;
const TRADE_LINK_MAX = 1000;
/** A party's non-line neighbours fetched with its links. */
const OTHER_NEIGHBOURS = 200;
/** Declaration lines fetched per page when a link is expanded. */
export const LINK_LINES_PAGE = 50;

const TRADING: ReadonlySet<string> = new Set(['Importer', 'Broker', 'Supplier', 'Consignee']);
const NOT_LINES = NodeLabel.options.filter((label) => label !== 'Shipment' && label !== 'Case');

/** True for a key whose node opens into trade links. */
export const tradesByLinks = (key: string): boolean => TRADING.has(key.split(':', 1)[0] ?? '');

/** The party a group node stands for, when `key` is one (`GROUP|<party>|<role>`). */
export function groupParty(key: string): string | null {
  if (!key.startsWith('GROUP|')) return null;
  return key.slice('GROUP|'.length, key.lastIndexOf('|'));
}

export function nextLinkLimit(previous: number | undefined, more: boolean): number {
  if (previous === undefined) return TRADE_LINK_LIMIT;
  return more ? Math.min(TRADE_LINK_MAX, previous * 2) : previous;
}

export async function expandIntoLinks(key: string, limit: number): Promise<Action> {
  const [answer, neighbours] = await Promise.all([
    api.tradeLinks(key, limit),
    api.neighbours(key, NOT_LINES, OTHER_NEIGHBOURS),
  ]);
  return { type: 'links/expanded', key, answer, neighbours, limit };
}

/** The node's neighbourhood with its declaration lines ("Show lines"). */
export async function expandIntoNeighbourhood(key: string, limit: number, filters: Filters): Promise<Action> {
  const answer = await api.neighbourhood(key, limit, filters);
  return {
    type: 'graph/expanded',
    key,
    nodes: answer.nodes,
    edges: answer.edges,
    limit,
    truncated: answer.truncated,
  };
}

/** The next page of a link's declaration lines. */
export async function linkLinesPage(
  linkId: string,
  link: { source: string; target: string },
  cursor: string | null,
): Promise<Action> {
  const answer = await api.tradeLinkLines(link.source, link.target, cursor, LINK_LINES_PAGE);
  return { type: 'links/lines', linkId, answer };
}
