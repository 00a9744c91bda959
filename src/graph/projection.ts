// Projects any GraphStore into the DetectionView: parties become nodes; shared identifiers,
// directors, successions and shared trade become weighted links, damped by how many parties
// share the thing so a big broker or a business-centre address does not glue unrelated firms.
// Shipments are streamed once into columns; no shipment objects are kept, and nothing per line
// but the columns is built while streaming.
import { UndirectedGraph } from 'graphology';
import {
  IDENTIFIER_LABELS,
  PARTY_LABELS,
  isPartyLabel,
  nodeKey,
  parseNodeKey,
  type GraphNode,
  type IdentifierLabel,
  type NodeRef,
  type PartyLabel,
} from '../model/index.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { aliasedSource, aliasMap } from './aliases.ts';
import { dutyRatesByGroup, scoreUnitValues } from './line-groups.ts';
import { finishLines, lineBuilder } from './lines.ts';
import { startLineStream, type LineStream } from './line-stream.ts';
import { LinkSet } from './link-set.ts';
import { specificity } from './robust.ts';
import { tradeByParty, tradeLinks } from './trade.ts';
import {
  type DetectionView,
  type EntityGraph,
  type LinkKind,
  type PartyAttributes,
  type LineTable,
  type PartyTrade,
  type SharedIdentifier,
} from './view.ts';

/**
 * What the projection reads; `counts`, where the store has it, sizes the line table up front, and
 * `sameAsPairs`, where it has it, makes each group of accepted SAME_AS parties one party (aliases.ts).
 */
export type ProjectionSource = Pick<GraphStore, 'streamNodes' | 'streamRels' | 'streamShipments'> &
  Partial<Pick<GraphStore, 'counts' | 'sameAsPairs' | 'streamDetectionLines'>>;

export interface ProjectionOptions {
  /** Only shipments dated within [from, to] (ISO dates, inclusive) count. */
  window: { from: string | null; to: string | null };
  /** Identifiers held by more parties than this add no links at all (registered-agent addresses). */
  maxIdentifierHolders: number;
  /** Base weight of each kind of link before damping. */
  linkWeights: Record<LinkKind, number>;
  minGroupLines: number;
  minUnitValueScale: number;
  defaultDutyRate: number;
  onProgress?: (phase: string, done: number) => void;
}

export const PROJECTION_DEFAULTS: ProjectionOptions = {
  window: { from: null, to: null },
  maxIdentifierHolders: 25,
  linkWeights: {
    bank_account: 1,
    phone: 0.8,
    email: 0.8,
    address: 0.6,
    director: 0.9,
    succession: 1,
    broker: 0.5,
    consignee: 0.6,
    supplier: 0.4,
  },
  minGroupLines: 8,
  minUnitValueScale: 0.05,
  defaultDutyRate: 0.08,
};

const IDENTIFIER_KIND: Record<IdentifierLabel, LinkKind> = {
  Address: 'address',
  Phone: 'phone',
  Email: 'email',
  BankAccount: 'bank_account',
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function partyAttributes(node: GraphNode & { label: PartyLabel }): PartyAttributes {
  return {
    label: node.label,
    id: node.id,
    name: text(node.props.name),
    country: text(node.props.country),
    registeredOn: text(node.props.registeredOn),
    closedOn: text(node.props.closedOn),
  };
}

function ensureParty(graph: EntityGraph, key: string): void {
  if (graph.hasNode(key)) return;
  const ref = parseNodeKey(key);
  if (!isPartyLabel(ref.label)) return;
  graph.addNode(key, {
    label: ref.label,
    id: ref.id,
    name: null,
    country: null,
    registeredOn: null,
    closedOn: null,
  });
}

/** Trade links stand on declaration lines, not relationships: one shared, frozen empty list. */
const NO_RELS = Object.freeze([]) as unknown as string[];

type Options = ProjectionOptions & { onProgress: NonNullable<ProjectionOptions['onProgress']> };

/** Every party node of the store, as a graph node with its attributes. */
async function projectParties(source: ProjectionSource, graph: EntityGraph, options: Options): Promise<void> {
  const progress = options.onProgress;
  let n = 0;
  for await (const node of source.streamNodes(PARTY_LABELS)) {
    if (!isPartyLabel(node.label)) continue;
    graph.mergeNode(nodeKey(node), partyAttributes(node as GraphNode & { label: PartyLabel }));
    if (++n % 50_000 === 0) progress('parties', n);
  }
  progress('parties', n);
}

/** Identifiers held by two or more parties, and the links they make between their holders. */
async function projectIdentifiers(
  source: ProjectionSource,
  graph: EntityGraph,
  links: LinkSet,
  options: Options,
): Promise<Map<string, SharedIdentifier>> {
  const progress = options.onProgress;
  // Identifiers: who holds each one. Persons count as holders too (a director's phone).
  const held = new Map<string, SharedIdentifier>();
  for await (const rel of source.streamRels(['HAS_ADDRESS', 'HAS_PHONE', 'HAS_EMAIL', 'HAS_ACCOUNT'])) {
    if (!isPartyLabel(rel.from.label) || !(IDENTIFIER_LABELS as readonly string[]).includes(rel.to.label))
      continue;
    const holderKey = nodeKey(rel.from);
    ensureParty(graph, holderKey);
    const key = nodeKey(rel.to);
    let identifier = held.get(key);
    if (!identifier) {
      identifier = { ref: rel.to, kind: IDENTIFIER_KIND[rel.to.label as IdentifierLabel], holders: [] };
      held.set(key, identifier);
    }
    identifier.holders.push({ key: holderKey, rel: rel.id });
  }
  // Only identifiers two or more parties hold say anything about a network; the rest (most
  // phones, e-mails and accounts) would be most of what the view holds on the large world.
  const shared = new Map<string, SharedIdentifier>();
  for (const [key, identifier] of held) {
    if (identifier.holders.length < 2) continue;
    identifier.holders.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    shared.set(key, identifier);
  }
  held.clear();
  for (const identifier of shared.values()) {
    const k = identifier.holders.length;
    if (k > options.maxIdentifierHolders) continue;
    const weight = options.linkWeights[identifier.kind] * specificity(k);
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const a = identifier.holders[i]!;
        const b = identifier.holders[j]!;
        links.add(a.key, b.key, {
          kind: identifier.kind,
          via: identifier.ref,
          rels: [a.rel, b.rel],
          weight,
        });
      }
    }
  }
  progress('identifiers', shared.size);
  return shared;
}

/** Director links (damped by how many firms the person directs) and succession links. */
async function projectDirectors(
  source: ProjectionSource,
  graph: EntityGraph,
  links: LinkSet,
  options: Options,
): Promise<void> {
  // Directors link a person to each firm, damped by how many firms the person directs.
  const directs: { from: NodeRef; to: NodeRef; id: string }[] = [];
  for await (const rel of source.streamRels(['DIRECTS', 'SUCCEEDS'])) {
    if (!isPartyLabel(rel.from.label) || !isPartyLabel(rel.to.label)) continue;
    ensureParty(graph, nodeKey(rel.from));
    ensureParty(graph, nodeKey(rel.to));
    if (rel.type === 'SUCCEEDS') {
      links.add(nodeKey(rel.from), nodeKey(rel.to), {
        kind: 'succession',
        via: null,
        rels: [rel.id],
        weight: options.linkWeights.succession,
      });
    } else directs.push({ from: rel.from, to: rel.to, id: rel.id });
  }
  const firmsDirected = new Map<string, number>();
  for (const d of directs) {
    const personKey = nodeKey(d.from);
    firmsDirected.set(personKey, (firmsDirected.get(personKey) ?? 0) + 1);
  }
  for (const d of directs) {
    const personKey = nodeKey(d.from);
    const weight = options.linkWeights.director * specificity(firmsDirected.get(personKey) ?? 1);
    links.add(personKey, nodeKey(d.to), { kind: 'director', via: null, rels: [d.id], weight });
  }
}

/** The line table of the shipments inside the window, and the trade links between its parties. */
async function projectShipments(
  source: ProjectionSource,
  graph: EntityGraph,
  links: LinkSet,
  options: Options,
  stream: LineStream,
): Promise<{ lines: LineTable; trade: Map<string, PartyTrade> }> {
  const progress = options.onProgress;
  // Shipments: the stream only appends columns; aggregates and trade links come after.
  const builder = lineBuilder(source.counts ? ((await source.counts()).nodes.Shipment ?? 0) : 0);
  const streamed = await stream.appendTo(builder, options.window, (done) => progress('shipments', done));
  progress('shipments', streamed);
  const lines = finishLines(builder);
  for (const key of lines.partyKeys) ensureParty(graph, key);
  const trade = tradeByParty(lines);
  for (const link of tradeLinks(lines, trade, options.linkWeights)) {
    links.add(link.importerKey, link.partnerKey, {
      kind: link.kind,
      via: null,
      rels: NO_RELS,
      weight: link.weight,
      lines: link.lines,
    });
  }
  return { lines, trade };
}

export async function projectDetectionView(
  source: ProjectionSource,
  overrides: Partial<ProjectionOptions> = {},
): Promise<DetectionView> {
  const options: Options = {
    ...PROJECTION_DEFAULTS,
    ...overrides,
    onProgress: overrides.onProgress ?? (() => undefined),
  };
  const graph: EntityGraph = new UndirectedGraph({ allowSelfLoops: false });
  if (source.sameAsPairs) source = aliasedSource(source, aliasMap(await source.sameAsPairs()));
  // The lines are read (where the store can, on another thread) while parties and links are built.
  const stream = startLineStream(source);
  const links = new LinkSet();
  let projected: Awaited<ReturnType<typeof projectShipments>>;
  let shared: Map<string, SharedIdentifier>;
  try {
    await projectParties(source, graph, options);
    shared = await projectIdentifiers(source, graph, links, options);
    await projectDirectors(source, graph, links, options);
    // Identity links go into the graph while the lines are still being read; trade links after.
    links.addTo(graph);
    projected = await projectShipments(source, graph, links, options, stream);
  } finally {
    await stream.close();
  }
  const { lines, trade } = projected;
  links.addTo(graph);
  const unitValueGroups = scoreUnitValues(lines, {
    minGroupLines: options.minGroupLines,
    minScale: options.minUnitValueScale,
  });
  options.onProgress('unit values', unitValueGroups.size);
  const { from, to } = options.window;
  return {
    graph,
    trade,
    identifiers: shared,
    lines,
    unitValueGroups,
    dutyRates: dutyRatesByGroup(lines),
    defaultDutyRate: options.defaultDutyRate,
    window: { from, to },
  };
}
