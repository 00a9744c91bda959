// Guilt by association: risk propagated from known seizures (lines labelled illicit) by
// personalised PageRank. Parties whose degree-normalised rank is close to the seized parties'
// own form a ring with them; big hubs are damped by the normalisation. A group larger than a
// ring (several seizure neighbourhoods run together through shared partners) is too diffuse to
// name anyone by association and is not reported; its parties keep their own findings.
import { z } from 'zod';
import { median } from '../graph/robust.ts';
import { personalisedPageRank } from '../graph/personalised-pagerank.ts';
import { UnionFind } from '../graph/union-find.ts';
import type { DetectionView, EdgeAttributes } from '../graph/view.ts';
import { byMembers, type CandidateRing, clamp01, evidence, IndicatorWeight, member } from './candidate.ts';
import { assertView, parseOptions } from './input.ts';
import { describeParties } from './phrasing.ts';
import { coreMembers } from './ring-core.ts';
import { labelOfKey } from './keys.ts';
import { partySignals } from './party-signals.ts';

const Options = z
  .object({
    alpha: z.number().gt(0).lt(1),
    iterations: z.number().int().min(1),
    /** An associate's rank per unit of link strength, relative to the seized parties' median. */
    minRelativeAffinity: z.number().positive(),
    /** Parties with more links than this are never seeds nor associates (big brokers, hubs). */
    maxDegree: z.number().int().min(1),
    /** Groups with more members than this are diffuse networks, not rings. */
    maxMembers: z.number().int().min(2),
    weights: z
      .object({
        known_seizures: IndicatorWeight,
        association_strength: IndicatorWeight,
      })
      .strict(),
  })
  .strict();
export type GuiltByAssociationOptions = z.infer<typeof Options>;

export const DEFAULTS: GuiltByAssociationOptions = {
  alpha: 0.85,
  iterations: 50,
  minRelativeAffinity: 0.15,
  maxDegree: 30,
  maxMembers: 30,
  weights: { known_seizures: 0.4, association_strength: 0.6 },
};

export function detect(
  view: DetectionView,
  options: Partial<GuiltByAssociationOptions> = {},
): CandidateRing[] {
  assertView('guilt_by_association', view);
  const o = parseOptions('guilt_by_association', Options, DEFAULTS, options);
  const { graph } = view;
  const signals = partySignals(view);
  const seeds = new Map<string, number>();
  for (const [key, s] of signals) {
    if (
      s.seizedLines.length > 0 &&
      graph.hasNode(key) &&
      graph.degree(key) <= o.maxDegree &&
      labelOfKey(key) !== 'Broker'
    ) {
      seeds.set(key, s.seizedLines.length);
    }
  }
  if (seeds.size === 0) return [];
  const rank = personalisedPageRank(graph, seeds, {
    alpha: o.alpha,
    iterations: o.iterations,
    tolerance: 1e-10,
    getWeight: (a) => (a as EdgeAttributes).weight,
  });
  const strength = (key: string): number => graph.reduceEdges(key, (s, _e, a) => s + a.weight, 0) || 1;
  const affinity = new Map<string, number>();
  for (const [key, r] of rank) if (r > 0) affinity.set(key, r / strength(key));
  const seedLevel = median([...seeds.keys()].map((k) => affinity.get(k) ?? 0));
  const associates = [...affinity]
    .filter(
      ([k, a]) => !seeds.has(k) && a >= o.minRelativeAffinity * seedLevel && graph.degree(k) <= o.maxDegree,
    )
    .map(([k]) => k);
  const inRing = new Set([...seeds.keys(), ...associates]);
  const groups = new UnionFind();
  for (const key of inRing) {
    groups.find(key);
    graph.forEachNeighbor(key, (other) => inRing.has(other) && groups.union(key, other));
  }
  const rings: CandidateRing[] = [];
  for (const all of groups.groups()) {
    const group = coreMembers(view, all);
    if (group.length > o.maxMembers) continue;
    const seized = group.filter((k) => seeds.has(k));
    const linked = group.filter((k) => !seeds.has(k)).sort();
    if (seized.length === 0 || linked.length === 0) continue;
    const closeness = median(linked.map((k) => (affinity.get(k) ?? 0) / seedLevel));
    const seizedLines = seized.flatMap((k) => signals.get(k)?.seizedLines ?? []);
    const rels = linked.flatMap((a) =>
      graph
        .filterNeighbors(a, (b) => inRing.has(b))
        .flatMap((b) => graph.getEdgeAttributes(a, b).links.flatMap((l) => l.rels)),
    );
    rings.push({
      typology: 'guilt_by_association',
      members: [...seized.map((k) => member(k, 'seized')), ...linked.map((k) => member(k, 'associate'))],
      indicators: [
        {
          name: 'known_seizures',
          value: clamp01(seizedLines.length / 3),
          weight: o.weights.known_seizures,
          description: `${describeParties(seized)} had ${seizedLines.length} declaration lines seized`,
          evidence: evidence(seized, [], seizedLines),
        },
        {
          name: 'association_strength',
          value: clamp01(closeness),
          weight: o.weights.association_strength,
          description: `${describeParties(linked)} are closely linked to them (median affinity ${closeness.toFixed(2)} of the seized parties')`,
          evidence: evidence(linked, rels),
        },
      ],
      revenueAtRisk: group.reduce((s, k) => s + (signals.get(k)?.shortfallDuty ?? 0), 0),
    });
  }
  return rings.sort(byMembers);
}
