// Graph reads shaped for the API: statistics, search, nodes with their display name and risk,
// edges keyed by node keys, node detail with rings and a shipments summary, neighbourhoods and
// paths, rings with their members' subgraph, inspection targets.
import {
  RelType,
  isPartyLabel,
  nodeKey,
  parseNodeKey,
  type GraphNode,
  type GraphRel,
  type NodeLabel,
  type NodeRef,
  type Subgraph,
} from '../../src/model/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import type { z } from 'zod';
import type {
  ApiEdge,
  ApiNode,
  NeighbourhoodParams,
  PathsAnswer,
  RingsAnswer,
  SearchAnswer,
  StatsAnswer,
  SubgraphAnswer,
  TargetsAnswer,
} from '../../src/api/graph.ts';
import type { RingQuery } from '../../src/store/graph-store.ts';
import { totalsOf, type PartyMonth } from '../../src/store/trade.ts';
import type { NeighboursParams } from '../../src/api/trade.ts';
import * as trade from './trade-view.ts';
import type { TradeLinkLinesQuery } from './trade-view.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { RiskScores } from './risk-scores.ts';

/** Most shipments listed in a party's detail series. */
export const SHIPMENT_SERIES_LIMIT = 2000;

export function displayName(node: GraphNode): string {
  const { name, value, declarationId, line } = node.props;
  if (typeof name === 'string' && name !== '') return name;
  if (typeof value === 'string' && value !== '') return value;
  if (typeof declarationId === 'string' && typeof line === 'number') return `${declarationId}/${line}`;
  return node.id;
}

export function toApiEdge(rel: GraphRel): ApiEdge {
  return { id: rel.id, type: rel.type, source: nodeKey(rel.from), target: nodeKey(rel.to), props: rel.props };
}

export function parseKey(key: string): NodeRef {
  try {
    return parseNodeKey(key);
  } catch (error) {
    throw new ApiError(400, 'invalid_request', error instanceof Error ? error.message : 'not a node key');
  }
}

/** The field an exact match of the store's search is made on. */
const EXACT_FIELD = { id: 'id', declaration: 'id', identifier: 'value', name: 'name' } as const;

const hitOf = (node: GraphNode) => ({
  key: nodeKey(node),
  label: node.label,
  id: node.id,
  name: displayName(node),
});

/** A neighbourhood read's filters: the API's query parameters, parsed. */
export type NeighbourhoodQuery = NeighbourhoodParams;

export class GraphView {
  constructor(
    private readonly store: GraphStore,
    private readonly risks: RiskScores,
  ) {}

  /** Risk is known for parties only: identifiers and shipments are never scored. */
  async toApiNodes(nodes: GraphNode[]): Promise<ApiNode[]> {
    const scores = nodes.some((n) => isPartyLabel(n.label))
      ? await this.risks.scores()
      : new Map<string, number>();
    return nodes.map((node) => ({
      key: nodeKey(node),
      label: node.label,
      id: node.id,
      name: displayName(node),
      props: node.props,
      risk: scores.get(nodeKey(node)) ?? null,
    }));
  }

  async subgraph(sub: Subgraph): Promise<z.infer<typeof SubgraphAnswer>> {
    return {
      nodes: await this.toApiNodes(sub.nodes),
      edges: sub.rels.map(toApiEdge),
      truncated: sub.truncated,
    };
  }

  async stats(): Promise<z.infer<typeof StatsAnswer>> {
    const [counts, lastRun] = await Promise.all([this.store.counts(), this.store.lastRun()]);
    return { nodes: counts.nodes, rels: counts.rels, lastRun };
  }

  /** Exact matches first (id, declaration, identifier, name prefix), then full-text hits. */
  async search(q: string, options: { limit: number; labels?: NodeLabel[] | undefined }) {
    const storeOptions = {
      limit: options.limit,
      ...(options.labels?.length ? { labels: options.labels } : {}),
    };
    const [exact, text] = await Promise.all([
      this.store.search(q, storeOptions),
      this.store.searchText(q, storeOptions),
    ]);
    const hits: z.infer<typeof SearchAnswer>['hits'] = exact.map((h) => ({
      ...hitOf(h.node),
      match: h.match,
      matched: EXACT_FIELD[h.match],
    }));
    const listed = new Set(hits.map((h) => h.key));
    for (const h of text) {
      if (listed.has(nodeKey(h.node))) continue;
      hits.push({ ...hitOf(h.node), match: h.quality === 'fuzzy' ? 'fuzzy' : 'text', matched: h.field });
    }
    const answer: z.infer<typeof SearchAnswer> = { hits: hits.slice(0, options.limit) };
    return answer;
  }

  async neighbourhood(start: NodeRef, query: NeighbourhoodQuery): Promise<z.infer<typeof SubgraphAnswer>> {
    // The store answers not_found (404) for a missing start: no lookup of our own first.
    const view = await this.subgraph(
      await this.store.neighbourhood({
        start,
        hops: query.hops,
        limit: query.limit,
        ...(query.labels?.length ? { labels: query.labels } : {}),
        ...(query.dateFrom ? { dateFrom: query.dateFrom } : {}),
        ...(query.dateTo ? { dateTo: query.dateTo } : {}),
        ...(query.hsPrefix ? { hsPrefix: query.hsPrefix } : {}),
      }),
    );
    const minRisk = query.minRisk;
    if (minRisk === undefined) return view;
    const startKey = nodeKey(start);
    const kept = view.nodes.filter((n) => n.key === startKey || n.risk === null || n.risk >= minRisk);
    const keys = new Set(kept.map((n) => n.key));
    return {
      nodes: kept,
      edges: view.edges.filter((e) => keys.has(e.source) && keys.has(e.target)),
      truncated: view.truncated,
    };
  }

  async paths(query: { from: NodeRef; to: NodeRef; k: number; maxLength: number }) {
    const paths = await this.store.paths(query);
    const shaped = await Promise.all(
      paths.map((p) => this.subgraph({ nodes: p.nodes, rels: p.rels, truncated: false })),
    );
    const answer: z.infer<typeof PathsAnswer> = {
      paths: shaped.map(({ nodes, edges }) => ({ nodes, edges })),
    };
    return answer;
  }

  /** A node's neighbours one page at a time (trade-view.ts). */
  neighbours(start: NodeRef, params: NeighboursParams) {
    return trade.neighbours(this.store, this, start, params);
  }

  /** A party's trade links, the largest `limit` per role listed, the rest grouped (trade-view.ts). */
  tradeLinks(party: NodeRef, limit: number) {
    return trade.tradeLinks(this.store, this, party, limit);
  }

  /** The lines of one trade link, paged (trade-view.ts). */
  tradeLinkLines(query: TradeLinkLinesQuery) {
    return trade.tradeLinkLines(this.store, this, query);
  }

  async rings(query: RingQuery): Promise<z.infer<typeof RingsAnswer>> {
    return this.store.listRings(query);
  }

  async targets(limit: number): Promise<z.infer<typeof TargetsAnswer>> {
    return { lines: await this.store.listTargets({ limit }) };
  }

  async requireNode(ref: NodeRef): Promise<GraphNode> {
    const node = await this.store.getNode(ref);
    if (!node) throw notFound(`node ${nodeKey(ref)}`);
    return node;
  }

  async nodeDetail(ref: NodeRef) {
    const node = await this.requireNode(ref);
    const [[apiNode], risk, rings, shipments] = await Promise.all([
      this.toApiNodes([node]),
      isPartyLabel(node.label) ? this.store.partyRisk(node) : Promise.resolve(null),
      isPartyLabel(node.label) ? this.store.ringsOf(node) : Promise.resolve([]),
      this.shipmentsOf(node),
    ]);
    return { node: { ...(apiNode as ApiNode), source: node.source }, risk, rings, shipments };
  }

  private async shipmentsOf(node: GraphNode) {
    const shipmentLabel: NodeLabel = 'Shipment';
    const sub =
      node.label === 'Shipment'
        ? { nodes: [node], rels: [], truncated: false }
        : await this.store.neighbourhood({
            start: node,
            hops: 1,
            labels: [shipmentLabel],
            limit: SHIPMENT_SERIES_LIMIT + 1,
          });
    const series = sub.nodes
      .filter((n) => n.label === 'Shipment')
      .map((n) => ({
        shipmentId: n.id,
        declarationId: String(n.props.declarationId ?? ''),
        line: Number(n.props.line ?? 0),
        date: String(n.props.date ?? ''),
        customsValue: Number(n.props.customsValue ?? 0),
        hsCode: String(n.props.hsCode ?? ''),
        illicit: typeof n.props.illicit === 'boolean' ? n.props.illicit : null,
      }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.shipmentId.localeCompare(b.shipmentId));
    // Totals and timeline come from the store's aggregate over every line, never from the series.
    const months = node.label === 'Shipment' ? shipmentMonth(series) : await this.store.partyMonths(node);
    const totals = totalsOf(months);
    return {
      count: totals.lines,
      truncated: sub.truncated,
      totalValue: totals.value,
      first: totals.first,
      last: totals.last,
      timeline: months.map(({ month, lines, value }) => ({ month, lines, value })),
      series,
    };
  }

  /** The ring, its member nodes and the relationships its evidence names between them. */
  async ringDetail(id: string) {
    const ring = await this.store.getRing(id);
    if (!ring) throw notFound(`ring ${id}`);
    const refs = new Map<string, NodeRef>();
    for (const m of ring.members) refs.set(nodeKey(m), { label: m.label, id: m.id });
    for (const ind of ring.indicators) for (const n of ind.evidence.nodes) refs.set(nodeKey(n), n);
    const nodes = await this.store.getNodes([...refs.values()]);
    const present = new Set(nodes.map(nodeKey));
    const edges: ApiEdge[] = [];
    const seen = new Set<string>();
    for (const ind of ring.indicators) {
      for (const relIdText of ind.evidence.rels) {
        const edge = edgeFromRelId(relIdText);
        if (edge && !seen.has(edge.id) && present.has(edge.source) && present.has(edge.target)) {
          seen.add(edge.id);
          edges.push(edge);
        }
      }
    }
    return { ring, nodes: await this.toApiNodes(nodes), edges };
  }
}

/** A line's own month, as a party's would be aggregated. */
function shipmentMonth(series: { date: string; customsValue: number }[]): PartyMonth[] {
  return series
    .filter((s) => s.date !== '')
    .map((s) => ({
      month: s.date.slice(0, 7),
      lines: 1,
      value: s.customsValue,
      first: s.date,
      last: s.date,
    }));
}

/** Relationship ids are `TYPE|Label:id|Label:id` (see relId), so an edge can be drawn from one. */
function edgeFromRelId(id: string): ApiEdge | null {
  const [type, source, target, ...rest] = id.split('|');
  if (!type || !source || !target || rest.length > 0) return null;
  const parsed = RelType.safeParse(type);
  if (!parsed.success) return null;
  return { id, type: parsed.data, source, target, props: {} };
}
