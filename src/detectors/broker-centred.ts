// Broker-centred rings: a declarant who files most of the declarations of a set of clients that
// are young, linked to one another and risky. A big legitimate broker has many old, unrelated
// clients, so the share of suspicious clients stays low.
import { z } from 'zod';
import { IDENTITY_LINKS, type DetectionView } from '../graph/view.ts';
import {
  assertView,
  byMembers,
  clamp01,
  evidence,
  idOf,
  isNewFirm,
  member,
  parseOptions,
  percent,
  type CandidateRing,
  weightedScore,
} from './common.ts';
import { isUndervaluing, partySignals } from './party-signals.ts';

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
  })
  .strict();
export type BrokerCentredOptions = z.infer<typeof Options>;

export const DEFAULTS: BrokerCentredOptions = {
  minClientShare: 0.5,
  minSuspiciousClients: 3,
  minSuspiciousShare: 0.5,
  youngDays: 90,
  minScore: 0.6,
};

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

export function detect(view: DetectionView, options: Partial<BrokerCentredOptions> = {}): CandidateRing[] {
  assertView('broker_centred', view);
  const o = parseOptions('broker_centred', Options, DEFAULTS, options);
  const signals = partySignals(view);
  const { graph } = view;
  const rings: CandidateRing[] = [];
  const brokers = graph.filterNodes((_k, a) => a.label === 'Broker').sort();
  for (const broker of brokers) {
    const clients: { key: string; share: number; lines: number }[] = [];
    graph.forEachNeighbor(broker, (other, attrs) => {
      if (attrs.label !== 'Importer') return;
      const link = graph.getEdgeAttributes(broker, other).links.find((l) => l.kind === 'broker');
      const total = view.trade.get(other)?.lines ?? 0;
      const share = link?.lines && total > 0 ? link.lines / total : 0;
      if (share >= o.minClientShare) clients.push({ key: other, share, lines: link?.lines ?? 0 });
    });
    if (clients.length < o.minSuspiciousClients) continue;
    const clientSet = new Set(clients.map((c) => c.key));
    // Linked: shares an identifier with another client, or a director who also directs one.
    const linkedToClient = (key: string): boolean =>
      graph.someNeighbor(key, (other, attrs) => {
        const identity = graph
          .getEdgeAttributes(key, other)
          .links.some((l) => IDENTITY_LINKS.includes(l.kind));
        if (!identity) return false;
        if (clientSet.has(other)) return true;
        return (
          attrs.label === 'Person' && graph.someNeighbor(other, (firm) => firm !== key && clientSet.has(firm))
        );
      });
    const young = clients.filter((c) => isNewFirm(view, c.key, o.youngDays));
    const linked = clients.filter((c) => linkedToClient(c.key));
    const risky = clients.filter(
      (c) =>
        isUndervaluing(signals.get(c.key), 3, -1, 0.5) || (signals.get(c.key)?.seizedLines.length ?? 0) > 0,
    );
    // The ring is the broker's new clients, alive side by side (a chain of successors is phoenix).
    const suspicious = young;
    if (
      suspicious.length < o.minSuspiciousClients ||
      suspicious.length / clients.length < o.minSuspiciousShare ||
      mostConcurrent(
        view,
        suspicious.map((c) => c.key),
      ) < o.minSuspiciousClients
    )
      continue;
    const keys = suspicious.map((c) => c.key).sort();
    const n = suspicious.length;
    const filed = suspicious.reduce((s, c) => s + c.lines, 0);
    const totalLines = suspicious.reduce((s, c) => s + (view.trade.get(c.key)?.lines ?? 0), 0);
    const count = (group: typeof clients): number => group.filter((c) => suspicious.includes(c)).length;
    const indicators = [
      {
        name: 'broker_concentration',
        value: totalLines > 0 ? filed / totalLines : 0,
        weight: 0.25,
        description: `${percent(totalLines > 0 ? filed / totalLines : 0)} of their declarations were filed by broker ${idOf(broker)}`,
        evidence: evidence([broker, ...keys]),
      },
      {
        name: 'young_clients',
        value: count(young) / n,
        weight: 0.25,
        description: `${count(young)} of ${n} clients were registered during the period under review`,
        evidence: evidence(young.map((c) => c.key)),
      },
      {
        name: 'linked_clients',
        value: count(linked) / n,
        weight: 0.25,
        description: `${count(linked)} of ${n} clients share identifiers or directors with another client`,
        evidence: evidence(linked.map((c) => c.key)),
      },
      {
        name: 'risky_clients',
        value: count(risky) / n,
        weight: 0.15,
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
        weight: 0.1,
        description: `${n} of the broker's ${clients.length} regular clients look suspicious`,
        evidence: evidence([broker]),
      },
    ];
    if (weightedScore(indicators) < o.minScore) continue;
    rings.push({
      typology: 'broker_centred',
      members: [member(broker, 'broker'), ...keys.map((k) => member(k, 'client'))],
      indicators,
      revenueAtRisk: keys.reduce((s, k) => s + (signals.get(k)?.shortfallDuty ?? 0), 0),
    });
  }
  return rings.sort(byMembers);
}
