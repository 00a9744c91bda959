// Guilt by association: risk propagated from known seizures (lines labelled illicit) by
// personalised PageRank. Parties whose degree-normalised rank is close to the seized parties'
// own are *leads*, ranked, each with the shortest chain of links to a seized party: nearness to a
// seizure says where to look, not that a ring exists. Big hubs are damped by the normalisation
// and never seeds nor leads. A lead joins a ring only when another detector's ring names the
// party (src/detection/corroborate.ts).
import { z } from 'zod';
import { median } from '../graph/robust.ts';
import { personalisedPageRank } from '../graph/personalised-pagerank.ts';
import { compareKeys, type DetectionView, type EdgeAttributes } from '../graph/view.ts';
import { nodeKey, type Lead } from '../model/index.ts';
import { adjacency } from './adjacency.ts';
import { clamp01, evidence, ref } from './candidate.ts';
import { assertView, parseOptions } from './input.ts';
import { idOf } from './phrasing.ts';
import { labelOfKey } from './keys.ts';
import { partySignals } from './party-signals.ts';
import { byLead, describePath, seizurePaths, type SeizurePaths } from './seizure-path.ts';

const Options = z
  .object({
    alpha: z.number().gt(0).lt(1),
    iterations: z.number().int().min(1),
    /** An associate's rank per unit of link strength, relative to the seized parties' median. */
    minRelativeAffinity: z.number().positive(),
    /** Parties with more links than this are never seeds nor leads (big brokers, hubs). */
    maxDegree: z.number().int().min(1),
    /** Longest seizure path explained, in links. */
    maxPathLength: z.number().int().min(1),
    /** Most leads kept, best first. */
    maxLeads: z.number().int().min(1),
  })
  .strict();
export type GuiltByAssociationOptions = z.infer<typeof Options>;

export const DEFAULTS: GuiltByAssociationOptions = {
  alpha: 0.85,
  iterations: 50,
  minRelativeAffinity: 0.15,
  maxDegree: 30,
  maxPathLength: 6,
  maxLeads: 500,
};

/** Seized parties (not brokers, not hubs), weighted by their seized lines. */
function seizedSeeds(view: DetectionView, maxDegree: number): Map<string, number> {
  const seeds = new Map<string, number>();
  for (const [key, s] of partySignals(view)) {
    const eligible = view.graph.hasNode(key) && view.graph.degree(key) <= maxDegree;
    if (s.seizedLines.length > 0 && eligible && labelOfKey(key) !== 'Broker')
      seeds.set(key, s.seizedLines.length);
  }
  return seeds;
}

/** Each party's rank per unit of link strength. */
function affinities(view: DetectionView, seeds: Map<string, number>, o: GuiltByAssociationOptions) {
  const { graph } = view;
  const rank = personalisedPageRank(graph, seeds, {
    alpha: o.alpha,
    iterations: o.iterations,
    tolerance: 1e-10,
    getWeight: (a) => (a as EdgeAttributes).weight,
  });
  // Each party's strength summed over its own edges in the order they were added (the order
  // graphology walks them), so the sums are the same numbers.
  const adj = adjacency(view);
  const strength = (key: string): number => {
    const p = adj.index.get(key);
    let sum = 0;
    if (p !== undefined) for (let e = adj.start[p]!; e < adj.start[p + 1]!; e++) sum += adj.edge[e]!.weight;
    return sum || 1;
  };
  const affinity = new Map<string, number>();
  for (const [key, r] of rank) if (r > 0) affinity.set(key, r / strength(key));
  return affinity;
}

/** r / (1 + r): 0.5 at the seized parties' median affinity, rising towards 1 above it. */
const leadScore = (relative: number): number => Math.round(clamp01(relative / (1 + relative)) * 1e6) / 1e6;

/** The seized parties themselves: their other lines were not inspected. */
function seizedLeads(
  seeds: ReadonlyMap<string, number>,
  affinity: ReadonlyMap<string, number>,
  seedLevel: number,
  signals: ReturnType<typeof partySignals>,
): Lead[] {
  return [...seeds.keys()].map((key) => {
    const seized = signals.get(key)?.seizedLines ?? [];
    return {
      ...ref(key),
      detector: 'guilt_by_association',
      score: leadScore((affinity.get(key) ?? 0) / seedLevel),
      reason: `${idOf(key)} had ${seized.length} declaration ${seized.length === 1 ? 'line' : 'lines'} seized; its other lines were not all inspected`,
      path: [],
      evidence: evidence([key], [], seized),
    };
  });
}

/**
 * Leads on the seized parties and the parties closest to them, best first (score, then key). A lead's score is
 * r / (1 + r) for its affinity r relative to the seized parties' median: 0.5 at their level.
 */
export function detect(view: DetectionView, options: Partial<GuiltByAssociationOptions> = {}): Lead[] {
  assertView('guilt_by_association', view);
  const o = parseOptions('guilt_by_association', Options, DEFAULTS, options);
  const seeds = seizedSeeds(view, o.maxDegree);
  if (seeds.size === 0) return [];
  const affinity = affinities(view, seeds, o);
  const seedLevel = median([...seeds.keys()].map((k) => affinity.get(k) ?? 0));
  if (!(seedLevel > 0)) return [];
  const signals = partySignals(view);
  const paths = seizurePaths(view, seeds.keys(), o.maxPathLength);
  const seized = seizedLeads(seeds, affinity, seedLevel, signals);
  // Only the best `maxLeads` are kept: the others are ranked by score and key (the order of
  // byLead within one detector) before their paths and reasons are written.
  const near: { key: string; relative: number; score: number }[] = [];
  for (const [key, a] of affinity) {
    const relative = a / seedLevel;
    if (seeds.has(key) || relative < o.minRelativeAffinity || view.graph.degree(key) > o.maxDegree) continue;
    near.push({ key, relative, score: leadScore(relative) });
  }
  const ranked = [...seized.map((l) => ({ key: nodeKey(l), score: l.score, lead: l })), ...near].sort(
    (a, b) => b.score - a.score || compareKeys(a.key, b.key),
  );
  const leads = ranked
    .slice(0, o.maxLeads)
    .map((r) => ('lead' in r ? r.lead : nearLead(r.key, r.relative, r.score, paths, signals)));
  return leads.sort(byLead);
}

/** A lead on a party close to seized goods, with the path to the nearest seizure. */
function nearLead(
  key: string,
  relative: number,
  score: number,
  paths: SeizurePaths,
  signals: ReturnType<typeof partySignals>,
): Lead {
  const path = paths.pathOf(key);
  const seized = paths.keysOf(key).at(-1)!;
  const seizedLines = signals.get(seized)?.seizedLines ?? [];
  return {
    ...ref(key),
    detector: 'guilt_by_association',
    score,
    reason: `${idOf(key)} is close to seized goods (affinity ${relative.toFixed(2)} of the seized parties'): ${describePath(path)}${path.length > 0 ? ` (${seizedLines.length} ${seizedLines.length === 1 ? 'line' : 'lines'} seized)` : ''}`,
    path,
    evidence: evidence(paths.keysOf(key), paths.relsOf(key), path.length > 0 ? seizedLines : []),
  };
}
