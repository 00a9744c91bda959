// Trade-link actions: a party expanded into its trade links (aggregated declaration lines to the
// parties it trades with, the overflow one group per role), a link expanded into its declaration
// lines, and the positions the canvas reports.
import { relId, type NodeLabel, type RelType } from '../../../src/api/index.ts';
import type {
  ApiEdge,
  ApiNode,
  TradeLinkLines as TradeLinkLinesAnswer,
  TradeLinks as TradeLinksAnswer,
} from '../api/schemas.ts';
import { addElements } from './graph.ts';
import type { Expansion, ExplorerState, LinkGroup, LinkLines, Position, TradeLink } from './types.ts';

export type LinkAction =
  | {
      type: 'links/expanded';
      key: string;
      answer: TradeLinksAnswer;
      /** The party's other neighbours (identifiers, directors, successors), drawn as they are. */
      neighbours: { nodes: ApiNode[]; edges: ApiEdge[] };
      limit: number;
    }
  | { type: 'links/lines'; linkId: string; answer: TradeLinkLinesAnswer }
  | {
      /** A saved investigation's links put back (its nodes are added first). */
      type: 'links/restore';
      links: TradeLink[];
      groups: LinkGroup[];
      linkLines: Record<string, LinkLines>;
      expansions: Record<string, Expansion>;
    }
  | { type: 'positions/set'; positions: Record<string, Position> };

/** One id per pair of parties, whichever of the two was expanded. */
export function tradeLinkId(a: string, b: string): string {
  return a < b ? `TRADES|${a}|${b}` : `TRADES|${b}|${a}`;
}

export const groupId = (party: string, role: string): string => `GROUP|${party}|${role}`;

/** The relationship a declaration line has to a party of this label. */
const LINE_REL: Partial<Record<NodeLabel, RelType>> = {
  Importer: 'IMPORTED_BY',
  Broker: 'DECLARED_BY',
  Consignee: 'CONSIGNED_TO',
  Supplier: 'SUPPLIED_BY',
};

function linksOf(answer: TradeLinksAnswer): Record<string, TradeLink> {
  const links: Record<string, TradeLink> = {};
  for (const link of answer.links) {
    const id = tradeLinkId(answer.party.key, link.other.key);
    const { role, lines, value, first, last } = link;
    links[id] = { id, source: answer.party.key, target: link.other.key, role, lines, value, first, last };
  }
  return links;
}

function groupsOf(state: ExplorerState, answer: TradeLinksAnswer): Record<string, LinkGroup> {
  const party = answer.party.key;
  const groups = Object.fromEntries(Object.entries(state.groups).filter(([, g]) => g.party !== party));
  for (const more of answer.more)
    groups[groupId(party, more.role)] = { id: groupId(party, more.role), party, ...more };
  return groups;
}

function expandedIntoLinks(state: ExplorerState, action: Extract<LinkAction, { type: 'links/expanded' }>) {
  const { answer, key } = action;
  const nodes = [answer.party, ...answer.links.map((l) => l.other), ...action.neighbours.nodes];
  const previous = state.expansions[key]?.added ?? [];
  const added = nodes.map((n) => n.key).filter((k) => k !== key && (previous.includes(k) || !state.nodes[k]));
  const fresh = linksOf(answer);
  // A link already drawn (from the other side) keeps its place and id.
  const links = { ...fresh, ...state.links };
  return {
    ...state,
    ...addElements(state, nodes, action.neighbours.edges),
    links,
    groups: groupsOf(state, answer),
    expansions: {
      ...state.expansions,
      [key]: {
        added: [...new Set([...previous, ...added])],
        limit: action.limit,
        truncated: answer.more.length > 0,
      },
    },
  };
}

/** A declaration line as the link lists it, as a Shipment node joined to the link's two parties. */
function linesOntoCanvas(state: ExplorerState, linkId: string, answer: TradeLinkLinesAnswer): ExplorerState {
  const link = state.links[linkId];
  if (!link) return state;
  const nodes: ApiNode[] = [];
  const edges: ApiEdge[] = [];
  for (const line of answer.lines) {
    const key = `Shipment:${line.shipmentId}`;
    const props = { date: line.date, customsValue: line.customsValue };
    if (!state.nodes[key])
      nodes.push({ key, label: 'Shipment', id: line.shipmentId, name: line.shipmentId, props, risk: null });
    for (const partyKey of [link.source, link.target]) {
      const party = state.nodes[partyKey];
      const type = party ? LINE_REL[party.label] : undefined;
      if (!party || !type) continue;
      const id = relId(
        type,
        { label: 'Shipment', id: line.shipmentId },
        { label: party.label, id: party.id },
      );
      edges.push({ id, type, source: key, target: partyKey, props: {} });
    }
  }
  const previous = state.linkLines[linkId]?.added ?? [];
  const added = [...new Set([...previous, ...answer.lines.map((l) => `Shipment:${l.shipmentId}`)])];
  return {
    ...state,
    ...addElements({ ...state, nodes: { ...state.nodes } }, nodes, edges),
    linkLines: { ...state.linkLines, [linkId]: { added, next: answer.next } },
  };
}

export function linkReducer(state: ExplorerState, action: LinkAction): ExplorerState {
  switch (action.type) {
    case 'links/expanded':
      return expandedIntoLinks(state, action);
    case 'links/lines':
      return linesOntoCanvas(state, action.linkId, action.answer);
    case 'links/restore':
      return {
        ...state,
        links: Object.fromEntries(action.links.map((l) => [l.id, l])),
        groups: Object.fromEntries(action.groups.map((g) => [g.id, g])),
        linkLines: action.linkLines,
        expansions: action.expansions,
      };
    case 'positions/set':
      return { ...state, positions: action.positions };
  }
}

/** The links, groups and link lines left once `removed` nodes are gone and `collapsing` is closed. */
export function pruneLinks(
  state: ExplorerState,
  removed: ReadonlySet<string>,
  collapsing: string,
): Pick<ExplorerState, 'links' | 'groups' | 'linkLines'> {
  const gone = (key: string) => removed.has(key);
  const links = Object.fromEntries(
    Object.entries(state.links).filter(([, l]) => !gone(l.source) && !gone(l.target)),
  );
  const groups = Object.fromEntries(Object.entries(state.groups).filter(([, g]) => g.party !== collapsing));
  const linkLines = Object.fromEntries(Object.entries(state.linkLines).filter(([id]) => links[id]));
  return { links, groups, linkLines };
}
