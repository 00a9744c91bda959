// Broker-centred rings: a declarant who files most of the declarations of a set of clients that
// are young, linked to one another and risky. A big legitimate broker has many old, unrelated
// clients, so the share of suspicious clients stays low.
import { z } from 'zod';
import { hsHeading, IDENTITY_LINKS, type DetectionView } from '../graph/view.ts';
import {
  byMembers,
  type CandidateRing,
  clamp01,
  evidence,
  type IndicatorInput,
  IndicatorWeight,
  member,
  weightedScore,
} from './candidate.ts';
import { adjacency } from './adjacency.ts';
import { isNewFirm } from './dates.ts';
import { assertView, parseOptions } from './input.ts';
import { idOf, percent } from './phrasing.ts';
import { partySignals, type PartySignals } from './party-signals.ts';
import { isRiskyFirm, RISKY_FIRM, RiskyFirmRule } from './risky-firm.ts';
import { MISDECLARING, misdeclaringGroup, MisdeclaringOptions } from './misdeclaring-broker.ts';
import { mismatchFinder } from './origin-mismatch.ts';
import { DEFAULT_PROFILE, profileDutyRate, surcharge, type AdministrationProfile } from '../model/profile.ts';

const Options = z
  .object({
    /** A client counts when the broker files at least this share of its lines. */
    minClientShare: z.number().min(0).max(1),
    minSuspiciousClients: z.number().int().min(2),
    /** Share of the broker's regular clients that must be young. */
    minSuspiciousShare: z.number().min(0).max(1),
    /** A client registered no earlier than this many days before the data starts is new. */
    youngDays: z.number().nonnegative(),
    minScore: z.number().min(0).max(1),
    /** Which clients count as risky (undervalue or had goods seized). */
    riskyClient: RiskyFirmRule,
    /** Established, unrelated clients with seized goods (`misdeclaring-broker.ts`). */
    misdeclaring: MisdeclaringOptions,
    /** A seized line whose declared origin escapes at least this much duty is explained by its origin. */
    minOriginGap: z.number().min(0),
    /** From the profile: rates where the data states none, and surcharges by origin. */
    defaultDutyRate: z.number().min(0),
    dutyRates: z.array(z.object({ heading: z.string(), origin: z.string().optional(), rate: z.number() })),
    surcharges: z.array(z.object({ heading: z.string(), origins: z.array(z.string()), rate: z.number() })),
    weights: z
      .object({
        broker_concentration: IndicatorWeight,
        young_clients: IndicatorWeight,
        linked_clients: IndicatorWeight,
        risky_clients: IndicatorWeight,
        suspicious_share: IndicatorWeight,
      })
      .strict(),
  })
  .strict();
export type BrokerCentredOptions = z.infer<typeof Options>;

export const DEFAULTS: BrokerCentredOptions = {
  minClientShare: 0.5,
  minSuspiciousClients: 3,
  minSuspiciousShare: 0.5,
  youngDays: 90,
  minScore: 0.6,
  riskyClient: RISKY_FIRM,
  misdeclaring: MISDECLARING,
  minOriginGap: 0.1,
  ...profileOptions(DEFAULT_PROFILE),
  weights: {
    broker_concentration: 0.25,
    young_clients: 0.25,
    linked_clients: 0.25,
    risky_clients: 0.15,
    suspicious_share: 0.1,
  },
};

/** The administration's duty facts the detector reads (to tell an origin scheme from the broker's). */
export function profileOptions(
  profile: AdministrationProfile,
): Pick<BrokerCentredOptions, 'defaultDutyRate' | 'dutyRates' | 'surcharges'> {
  const { defaultDutyRate, dutyRates, surcharges } = profile;
  return { defaultDutyRate, dutyRates, surcharges };
}

/**
 * Goods of a heading the profile surcharges from some origins, declared from an origin that does
 * not pay it: what an origin scheme seizes (transshipment, or a switch to a cheaper origin).
 */
function escapesSurcharge(
  view: DetectionView,
  i: number,
  surcharges: BrokerCentredOptions['surcharges'],
): boolean {
  const declared = view.lines.origin[i];
  if (!declared) return false;
  const heading = hsHeading(view.lines.hsCode[i] ?? '');
  const onHeading = surcharges.filter((s) => s.heading === heading);
  return onHeading.length > 0 && onHeading.every((s) => !s.origins.includes(declared));
}

/** The most firms alive at the same time (registration, or first line, to closure or last line). */
function mostConcurrent(view: DetectionView, firms: string[]): number {
  const events: [string, number][] = [];
  for (const f of firms) {
    const t = view.trade.get(f);
    const attrs = view.graph.getNodeAttributes(f);
    const from = attrs.registeredOn ?? t?.firstDate;
    const to = attrs.closedOn ?? t?.lastDate;
    if (!from || !to) continue;
    events.push([from, 1], [to, -1]);
  }
  events.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : b[1] - a[1]));
  let active = 0;
  let most = 0;
  for (const [, delta] of events) most = Math.max(most, (active += delta));
  return most;
}

interface Client {
  key: string;
  share: number;
  lines: number;
}

/** The importers for which the broker files at least `minClientShare` of their lines. */
function regularClients(view: DetectionView, broker: string, o: BrokerCentredOptions): Client[] {
  const adj = adjacency(view);
  const clients: Client[] = [];
  const b = adj.index.get(broker)!;
  // Keys carry the label: an importer's key starts with it.
  for (let e = adj.start[b]!; e < adj.start[b + 1]!; e++) {
    const other = adj.keys[adj.neighbour[e]!]!;
    if (!other.startsWith('Importer:')) continue;
    const link = adj.edge[e]!.links.find((l) => l.kind === 'broker');
    const total = view.trade.get(other)?.lines ?? 0;
    const share = link?.lines && total > 0 ? link.lines / total : 0;
    if (share >= o.minClientShare) clients.push({ key: other, share, lines: link?.lines ?? 0 });
  }
  return clients;
}

/** Linked: shares an identifier with another client, or a director who also directs one. */
function isLinkedToClient(view: DetectionView, key: string, clientSet: ReadonlySet<string>): boolean {
  const { graph } = view;
  return graph.someNeighbor(key, (other, attrs) => {
    const identity = graph.getEdgeAttributes(key, other).links.some((l) => IDENTITY_LINKS.includes(l.kind));
    if (!identity) return false;
    if (clientSet.has(other)) return true;
    return (
      attrs.label === 'Person' && graph.someNeighbor(other, (firm) => firm !== key && clientSet.has(firm))
    );
  });
}

interface ClientGroups {
  broker: string;
  clients: Client[];
  young: Client[];
  linked: Client[];
  risky: Client[];
  /** The ring: the broker's new clients, alive side by side (a chain of successors is phoenix). */
  suspicious: Client[];
}

function brokerIndicators(
  view: DetectionView,
  g: ClientGroups,
  signals: Map<string, PartySignals>,
  weights: BrokerCentredOptions['weights'],
): IndicatorInput[] {
  const { broker, clients, young, linked, risky, suspicious } = g;
  const keys = suspicious.map((c) => c.key).sort();
  const n = suspicious.length;
  const filed = suspicious.reduce((s, c) => s + c.lines, 0);
  const totalLines = suspicious.reduce((s, c) => s + (view.trade.get(c.key)?.lines ?? 0), 0);
  const count = (group: Client[]): number => group.filter((c) => suspicious.includes(c)).length;
  return [
    {
      name: 'broker_concentration',
      value: totalLines > 0 ? filed / totalLines : 0,
      weight: weights.broker_concentration,
      description: `${percent(totalLines > 0 ? filed / totalLines : 0)} of their declarations were filed by broker ${idOf(broker)}`,
      evidence: evidence([broker, ...keys]),
    },
    {
      name: 'young_clients',
      value: count(young) / n,
      weight: weights.young_clients,
      description: `${count(young)} of ${n} clients were registered during the period under review`,
      evidence: evidence(young.map((c) => c.key)),
    },
    {
      name: 'linked_clients',
      value: count(linked) / n,
      weight: weights.linked_clients,
      description: `${count(linked)} of ${n} clients share identifiers or directors with another client`,
      evidence: evidence(linked.map((c) => c.key)),
    },
    {
      name: 'risky_clients',
      value: count(risky) / n,
      weight: weights.risky_clients,
      description: `${count(risky)} of ${n} clients undervalue or had goods seized`,
      evidence: evidence(
        risky.map((c) => c.key),
        [],
        risky.flatMap((c) => signals.get(c.key)?.seizedLines ?? []),
      ),
    },
    {
      name: 'suspicious_share',
      value: clamp01(n / clients.length),
      weight: weights.suspicious_share,
      description: `${n} of the broker's ${clients.length} regular clients look suspicious`,
      evidence: evidence([broker]),
    },
  ];
}

/** The misdeclaring-broker ring of the broker's regular clients, when it scores high enough. */
function misdeclaringRing(
  view: DetectionView,
  broker: string,
  signals: Map<string, PartySignals>,
  o: BrokerCentredOptions,
  originExplains: (line: number) => boolean,
  clients: Client[],
): { keys: string[]; indicators: IndicatorInput[] } | null {
  const group = misdeclaringGroup(view, broker, clients, signals, o.misdeclaring, originExplains);
  if (!group || weightedScore(group.indicators) < o.minScore) return null;
  return { keys: group.members, indicators: group.indicators };
}

/** The broker's client groups, or null when too few of its clients look suspicious. */
function clientGroups(
  view: DetectionView,
  broker: string,
  signals: Map<string, PartySignals>,
  o: BrokerCentredOptions,
  clients: Client[],
): ClientGroups | null {
  if (clients.length < o.minSuspiciousClients) return null;
  const clientSet = new Set(clients.map((c) => c.key));
  const young = clients.filter((c) => isNewFirm(view, c.key, o.youngDays));
  const suspicious = young;
  // Most brokers stop here; links between clients (a walk over their neighbours) are looked at
  // only for the brokers that may have a ring.
  if (
    suspicious.length < o.minSuspiciousClients ||
    suspicious.length / clients.length < o.minSuspiciousShare ||
    mostConcurrent(
      view,
      suspicious.map((c) => c.key),
    ) < o.minSuspiciousClients
  )
    return null;
  const linked = clients.filter((c) => isLinkedToClient(view, c.key, clientSet));
  const risky = clients.filter((c) => isRiskyFirm(signals.get(c.key), o.riskyClient));
  return { broker, clients, young, linked, risky, suspicious };
}

export function detect(view: DetectionView, options: Partial<BrokerCentredOptions> = {}): CandidateRing[] {
  assertView('broker_centred', view);
  const o = parseOptions('broker_centred', Options, DEFAULTS, options);
  const signals = partySignals(view);
  const rings: CandidateRing[] = [];
  const brokers = view.graph.filterNodes((_k, a) => a.label === 'Broker').sort();
  const mismatch = mismatchFinder(
    view,
    {
      rate: (h, origin) => view.dutyRates.get(`${h}|${origin}`) ?? profileDutyRate(o, h, origin),
      surcharge: (h, origin) => surcharge(o, h, origin),
    },
    { minMismatchGap: o.minOriginGap },
  );
  const originExplains = (line: number): boolean =>
    mismatch(line) !== null || escapesSurcharge(view, line, o.surcharges);
  for (const broker of brokers) {
    const clients = regularClients(view, broker, o);
    const groups = clientGroups(view, broker, signals, o, clients);
    const young = groups && brokerIndicators(view, groups, signals, o.weights);
    const found =
      groups && young && weightedScore(young) >= o.minScore
        ? { keys: groups.suspicious.map((c) => c.key).sort(), indicators: young }
        : misdeclaringRing(view, broker, signals, o, originExplains, clients);
    if (!found) continue;
    const { keys, indicators } = found;
    rings.push({
      typology: 'broker_centred',
      members: [member(broker, 'broker'), ...keys.map((k) => member(k, 'client'))],
      indicators,
      revenueAtRisk: keys.reduce((s, k) => s + (signals.get(k)?.shortfallDuty ?? 0), 0),
    });
  }
  return rings.sort(byMembers);
}
