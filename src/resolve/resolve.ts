// Entity resolution of a set of parties: prepare, block, compare, estimate the match model from
// the data (u from random pairs, m and λ by EM on the candidate pairs), score, and keep the
// pairs at or above the minimum probability with their evidence. Pure: records in, candidates out.
import { z } from 'zod';
import { Rng } from '../model/rng.ts';
import { nodeKey } from '../model/index.ts';
import { BLOCKING_DEFAULTS, candidatePairs } from './blocking.ts';
import { FIELDS, LEVELS, compare, evidence } from './compare.ts';
import {
  estimateModel,
  levelFrequencies,
  matchProbabilities,
  matchWeight,
  type MatchModel,
  type Vectors,
} from './fellegi-sunter.ts';
import { prepare, type PartyRecord, type PreparedParty } from './records.ts';
import { admissible, oneRegistrationEach, type ScoredPair } from './rules.ts';

export const ResolveOptions = z
  .object({
    /** Smallest match probability a candidate may have, in (0, 1]. */
    minScore: z.number().gt(0).max(1),
    /** Random pairs per label for u. */
    uPairs: z.number().int().min(100).max(10_000_000),
    maxBlock: z.number().int().min(2).max(10_000),
    window: z.number().int().min(1).max(1_000),
    seed: z.number().int(),
  })
  .strict();
export type ResolveOptions = z.infer<typeof ResolveOptions>;

export const DEFAULTS: ResolveOptions = {
  // A match more likely than not: the rules in rules.ts, not a high bar, keep related firms out.
  minScore: 0.5,
  uPairs: 10_000,
  maxBlock: BLOCKING_DEFAULTS.maxBlock,
  window: BLOCKING_DEFAULTS.window,
  seed: 1,
};

export interface MatchCandidate {
  /** Node keys, a < b. */
  a: string;
  b: string;
  aName: string;
  bName: string;
  /** Match probability in [0, 1]. */
  score: number;
  /** log2 Bayes factor, prior included. */
  weight: number;
  evidence: string[];
}

export interface ResolveResult {
  parties: number;
  comparedPairs: number;
  model: MatchModel;
  fields: readonly string[];
  candidates: MatchCandidate[];
}

export type ResolvePhase = 'preparing' | 'blocking' | 'comparing' | 'estimating' | 'scoring';
export type ResolveProgress = (phase: ResolvePhase, done: number, total: number) => void;

const NO_PROGRESS: ResolveProgress = () => undefined;

function vectorsOf(parties: readonly PreparedParty[], pairs: Uint32Array, onProgress: ResolveProgress) {
  const fields = FIELDS.length;
  const count = pairs.length / 2;
  const data = new Int8Array(count * fields);
  for (let p = 0; p < count; p++) {
    const levels = compare(parties[pairs[2 * p]!]!, parties[pairs[2 * p + 1]!]!);
    for (let f = 0; f < fields; f++) data[p * fields + f] = levels[f] ?? -1;
    if ((p & 0xffff) === 0) onProgress('comparing', p, count);
  }
  onProgress('comparing', count, count);
  return { fields, levels: FIELDS.map((f) => LEVELS[f]), data } satisfies Vectors;
}

/**
 * The pairs EM learns m from: candidates whose names are at least 0.7 similar. Blocking on shared
 * addresses and directors also brings in firms of one business centre or family, a cluster EM
 * would otherwise take for the matches.
 */
function trainingPairs(vectors: Vectors): Vectors {
  const { fields, data } = vectors;
  const kept: number[] = [];
  for (let p = 0; p < data.length / fields; p++) {
    const name = data[p * fields]!;
    if (name >= 0 && name <= 3) kept.push(p);
  }
  const out = new Int8Array(kept.length * fields);
  kept.forEach((p, i) => out.set(data.subarray(p * fields, (p + 1) * fields), i * fields));
  return { ...vectors, data: out };
}

/**
 * m of the registration field, stated rather than estimated: a firm is registered once, so two
 * entries of one firm that both carry a registration date disagree only by a clerk's error (taken
 * as 1 in 100, most of those with both alive), and the duplicates EM learns from seldom carry a
 * date of their own, so EM would fit m to whatever it takes for matches. u is estimated.
 */
const FIXED_M: Record<number, readonly number[]> = {
  [FIELDS.indexOf('registration')]: [0.99, 0.009, 0.001],
};

/**
 * How common a pair's name is: the share of parties of its label bearing the more common of the
 * two normalised names. The name levels' u is an average over names; agreeing on a rare name is
 * stronger evidence than on a common one (Splink's term-frequency adjustment).
 */
function nameFrequencies(parties: readonly PreparedParty[]): (i: number, j: number) => number {
  const counts = new Map<string, number>();
  const perLabel = new Map<string, number>();
  for (const p of parties) {
    const key = `${p.record.label}|${p.text}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    perLabel.set(p.record.label, (perLabel.get(p.record.label) ?? 0) + 1);
  }
  const share = (p: PreparedParty) =>
    (counts.get(`${p.record.label}|${p.text}`) ?? 1) / (perLabel.get(p.record.label) ?? 1);
  return (i, j) => Math.max(share(parties[i]!), share(parties[j]!));
}

/** The probability with the name level's u replaced by the name's own frequency (levels 0–1). */
function adjustForFrequency(
  probability: number,
  nameLevel: number,
  model: MatchModel,
  frequency: number,
): number {
  if (nameLevel > 1) return probability;
  const u = model.u[0]![nameLevel]!;
  const logit = Math.log(probability / (1 - probability)) + Math.log(u / Math.max(frequency, 1e-6));
  return 1 / (1 + Math.exp(-logit));
}

/** Random pairs of parties of one label, drawn with the seed: nearly all are different parties. */
function randomPairs(parties: readonly PreparedParty[], perLabel: number, seed: number): Uint32Array {
  const rng = Rng.derive(seed, 'resolve-u');
  const byLabel = new Map<string, number[]>();
  parties.forEach((p, i) => {
    const list = byLabel.get(p.record.label) ?? [];
    list.push(i);
    byLabel.set(p.record.label, list);
  });
  const out: number[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const list = byLabel.get(label)!;
    if (list.length < 2) continue;
    const draws = Math.min(perLabel, (list.length * (list.length - 1)) / 2);
    for (let k = 0; k < draws; k++) {
      const i = rng.int(0, list.length - 1);
      let j = rng.int(0, list.length - 2);
      if (j >= i) j++;
      out.push(list[i]!, list[j]!);
    }
  }
  return Uint32Array.from(out);
}

/** Candidate matches among the records (one label with another never compared). */
export function resolveParties(
  records: readonly PartyRecord[],
  options: Partial<ResolveOptions> = {},
  onProgress: ResolveProgress = NO_PROGRESS,
): ResolveResult {
  const o = ResolveOptions.parse({ ...DEFAULTS, ...options });
  const parties: PreparedParty[] = [];
  for (const record of records) {
    parties.push(prepare(record));
    if ((parties.length & 0xffff) === 0) onProgress('preparing', parties.length, records.length);
  }
  onProgress('preparing', records.length, records.length);
  onProgress('blocking', 0, 1);
  const pairs = candidatePairs(parties, { maxBlock: o.maxBlock, window: o.window });
  onProgress('blocking', 1, 1);
  const vectors = vectorsOf(parties, pairs, onProgress);
  onProgress('estimating', 0, 1);
  const uVectors = vectorsOf(parties, randomPairs(parties, o.uPairs, o.seed), NO_PROGRESS);
  const model = estimateModel(trainingPairs(vectors), levelFrequencies(uVectors), { fixedM: FIXED_M });
  onProgress('estimating', 1, 1);
  const probability = matchProbabilities(model, vectors);
  const frequency = nameFrequencies(parties);
  const kept: ScoredPair[] = [];
  for (let p = 0; p < probability.length; p++) {
    if (!admissible(parties[pairs[2 * p]!]!, vectors, p)) continue;
    const i = pairs[2 * p]!;
    const j = pairs[2 * p + 1]!;
    const score = adjustForFrequency(
      probability[p]!,
      vectors.data[p * vectors.fields]!,
      model,
      frequency(i, j),
    );
    if (score >= o.minScore) kept.push({ i, j, score });
  }
  const candidates = oneRegistrationEach(parties, kept).map(({ i, j, score }) =>
    candidate(parties[i]!, parties[j]!, model, score),
  );
  onProgress('scoring', 1, 1);
  candidates.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
  return { parties: parties.length, comparedPairs: pairs.length / 2, model, fields: FIELDS, candidates };
}

function candidate(x: PreparedParty, y: PreparedParty, model: MatchModel, score: number): MatchCandidate {
  const kx = nodeKey(x.record);
  const ky = nodeKey(y.record);
  const [a, b] = kx < ky ? [x, y] : [y, x];
  const levels = compare(a, b);
  return {
    a: nodeKey(a.record),
    b: nodeKey(b.record),
    aName: a.record.name,
    bName: b.record.name,
    score,
    weight: matchWeight(model, levels),
    evidence: evidence(a, b, levels),
  };
}
