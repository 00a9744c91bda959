// Ring recovery: planted rings against reported rings by the Jaccard similarity of their
// members. Matching is one-to-one and greedy: pairs at or above the threshold are taken from the
// most similar down (ties broken by planted id, then reported id), each ring used at most once.
// So one reported ring that covers two planted rings recovers only one of them.
import { z } from 'zod';

export interface MemberSet {
  id: string;
  typology: string;
  /** Member keys (`Label:id`). */
  members: readonly string[];
}

export const RingMatch = z.strictObject({
  planted: z.string(),
  reported: z.string(),
  jaccard: z.number().min(0).max(1),
});
export type RingMatch = z.infer<typeof RingMatch>;

export interface RingScore {
  /** A typology, or `overall` (matching across typologies). */
  typology: string;
  planted: number;
  reported: number;
  /** Planted rings recovered (= reported rings matched, matching being one-to-one). */
  found: number;
  /** found ÷ reported; null when nothing was reported. */
  precision: number | null;
  /** found ÷ planted; null when nothing was planted. */
  recall: number | null;
  /** Harmonic mean of precision and recall; null when either is null. */
  f1: number | null;
}

export const DEFAULT_JACCARD_THRESHOLD = 0.5;

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 && right.size === 0) return 0;
  let common = 0;
  for (const x of left) if (right.has(x)) common++;
  return common / (left.size + right.size - common);
}

export function matchRings(
  planted: readonly MemberSet[],
  reported: readonly MemberSet[],
  threshold = DEFAULT_JACCARD_THRESHOLD,
): RingMatch[] {
  const candidates: RingMatch[] = [];
  for (const p of planted) {
    for (const r of reported) {
      const j = jaccard(p.members, r.members);
      if (j >= threshold) candidates.push({ planted: p.id, reported: r.id, jaccard: j });
    }
  }
  candidates.sort(
    (x, y) => y.jaccard - x.jaccard || compare(x.planted, y.planted) || compare(x.reported, y.reported),
  );
  const usedPlanted = new Set<string>();
  const usedReported = new Set<string>();
  const matches: RingMatch[] = [];
  for (const c of candidates) {
    if (usedPlanted.has(c.planted) || usedReported.has(c.reported)) continue;
    usedPlanted.add(c.planted);
    usedReported.add(c.reported);
    matches.push(c);
  }
  return matches;
}

export function ringScore(typology: string, planted: number, reported: number, found: number): RingScore {
  const precision = reported === 0 ? null : found / reported;
  const recall = planted === 0 ? null : found / planted;
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return { typology, planted, reported, found, precision, recall, f1 };
}

/**
 * Scores per typology and overall. A reported ring of a planted typology is matched against the
 * planted rings of that typology; a reported ring of a typology never planted (communities,
 * centrality, guilt by association) against all planted rings. `overall` ignores typology.
 */
export function scoreRings(
  planted: readonly MemberSet[],
  reported: readonly MemberSet[],
  plantedTypologies: readonly string[],
  threshold = DEFAULT_JACCARD_THRESHOLD,
): { overall: RingScore; byTypology: RingScore[]; matches: RingMatch[] } {
  const matches = matchRings(planted, reported, threshold);
  const overall = ringScore('overall', planted.length, reported.length, matches.length);
  const typologies = [...new Set([...plantedTypologies, ...reported.map((r) => r.typology)])];
  const byTypology = typologies.map((t) => {
    const ownPlanted = planted.filter((p) => p.typology === t);
    const ownReported = reported.filter((r) => r.typology === t);
    const pool = plantedTypologies.includes(t) ? ownPlanted : planted;
    const found = matchRings(pool, ownReported, threshold).length;
    return ringScore(t, ownPlanted.length, ownReported.length, found);
  });
  return { overall, byTypology, matches };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
