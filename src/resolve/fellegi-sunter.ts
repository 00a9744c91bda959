// The Fellegi–Sunter match model (1969) as Splink estimates it: for each field and level, m =
// P(level | same party) and u = P(level | different parties). u starts from random pairs (almost
// all of which are different parties); m, u and the share of matches λ among the candidate pairs
// are estimated by expectation–maximisation (u may be held at its start, as Splink does). A
// pair's match weight is log2(λ/(1-λ)) + Σ log2(m/u) over its observed fields; missing fields
// add nothing.

/** Comparison vectors, flattened: pair p's field f at p * fields + f; -1 when missing. */
export interface Vectors {
  fields: number;
  levels: readonly number[];
  data: Int8Array;
}

export interface MatchModel {
  /** Prior share of matches among the candidate pairs. */
  lambda: number;
  /** m[f][level], u[f][level]. */
  m: number[][];
  u: number[][];
  iterations: number;
  /** Whether EM stopped because no parameter moved by more than its tolerance. */
  converged: boolean;
}

/** Laplace-smoothed level frequencies of each field among the given pairs. */
export function levelFrequencies(vectors: Vectors, smoothing = 1): number[][] {
  const { fields, levels, data } = vectors;
  const counts = levels.map((n) => new Array<number>(n).fill(smoothing));
  for (let i = 0; i < data.length; i++) {
    const level = data[i]!;
    if (level >= 0) counts[i % fields]![level]! += 1;
  }
  return counts.map((row) => {
    const total = row.reduce((s, x) => s + x, 0);
    return row.map((x) => x / total);
  });
}

/** A starting m: agreement likely, decreasing geometrically with the level. */
function initialM(levels: readonly number[]): number[][] {
  return levels.map((n) => {
    const raw = Array.from({ length: n }, (_, l) => Math.pow(0.2, l));
    const total = raw.reduce((s, x) => s + x, 0);
    return raw.map((x) => x / total);
  });
}

/** Probability each pair is a match under the model (the E-step). */
export function matchProbabilities(model: MatchModel, vectors: Vectors): Float64Array {
  const { fields, data } = vectors;
  const pairs = data.length / fields;
  const out = new Float64Array(pairs);
  const prior = Math.log(model.lambda / (1 - model.lambda));
  const logRatio = model.m.map((row, f) => row.map((m, l) => Math.log(m / model.u[f]![l]!)));
  for (let p = 0; p < pairs; p++) {
    let w = prior;
    for (let f = 0; f < fields; f++) {
      const level = data[p * fields + f]!;
      if (level >= 0) w += logRatio[f]![level]!;
    }
    out[p] = 1 / (1 + Math.exp(-w));
  }
  return out;
}

/** log2 Bayes factor of one pair, prior included (the match weight). */
export function matchWeight(model: MatchModel, levels: readonly (number | null)[]): number {
  let w = Math.log2(model.lambda / (1 - model.lambda));
  levels.forEach((level, f) => {
    if (level !== null) w += Math.log2(model.m[f]![level]! / model.u[f]![level]!);
  });
  return w;
}

function normaliseRows(rows: number[][]): number[][] {
  return rows.map((row) => {
    const t = row.reduce((s, x) => s + x, 0);
    return row.map((x) => x / t);
  });
}

export interface EmOptions {
  /**
   * Hold u at its value from random pairs (Splink's way) rather than re-estimate it among the
   * candidate pairs. Blocked pairs agree far more often than random ones, so with u fixed EM
   * calls most candidates matches; the default re-estimates u, starting from the random pairs'.
   */
  fixU: boolean;
  maxIterations: number;
  /**
   * Stop when no parameter moves by more than this (Splink's default `em_convergence`). EM
   * converges linearly, and slowly along a direction the data say little about: the directors'
   * m, seen on the few duplicates that kept their directors, crept from 0.74 to 0.99 over 300
   * iterations on one world. Each iteration runs over the distinct comparison patterns, not the
   * pairs, so the cap is set high enough for EM to converge rather than to stop it early.
   */
  tolerance: number;
  initialLambda: number;
  /**
   * m held at a stated value for some fields (by field index), as Splink allows: for a field the
   * matches among the candidates rarely show, EM has nothing to learn m from and would fit it to
   * whatever it takes for matches.
   */
  fixedM: Readonly<Record<number, readonly number[]>>;
}

export const EM_DEFAULTS: EmOptions = {
  fixU: false,
  maxIterations: 1000,
  tolerance: 1e-4,
  initialLambda: 0.1,
  fixedM: {},
};

/**
 * The distinct comparison vectors and how many pairs have each: EM needs only these (a few
 * hundred patterns however many pairs), which makes it independent of the number of pairs.
 */
export function patterns(vectors: Vectors): { patterns: Vectors; counts: Float64Array } {
  const { fields, data } = vectors;
  const index = new Map<string, number>();
  const rows: number[] = [];
  const counts: number[] = [];
  for (let p = 0; p < data.length / fields; p++) {
    const key = data.subarray(p * fields, (p + 1) * fields).join(',');
    const at = index.get(key);
    if (at !== undefined) counts[at]! += 1;
    else {
      index.set(key, counts.length);
      counts.push(1);
      rows.push(p);
    }
  }
  const out = new Int8Array(rows.length * fields);
  rows.forEach((p, i) => out.set(data.subarray(p * fields, (p + 1) * fields), i * fields));
  return { patterns: { ...vectors, data: out }, counts: Float64Array.from(counts) };
}

/** Estimates λ, m (and u unless fixed) by EM on the candidate pairs, u starting from `u`. */
export function estimateModel(
  candidates: Vectors,
  u: number[][],
  options: Partial<EmOptions> = {},
): MatchModel {
  const o = { ...EM_DEFAULTS, ...options };
  const { fields, levels } = candidates;
  const { patterns: distinct, counts } = patterns(candidates);
  const data = distinct.data;
  const pairs = candidates.data.length / fields;
  const withFixed = (m: number[][]) => m.map((row, f) => [...(o.fixedM[f] ?? row)]);
  let model: MatchModel = {
    lambda: o.initialLambda,
    m: withFixed(initialM(levels)),
    u,
    iterations: 0,
    converged: false,
  };
  if (pairs === 0) return model;
  for (let it = 1; it <= o.maxIterations; it++) {
    const p = matchProbabilities(model, distinct);
    const sums = levels.map((n) => new Array<number>(n).fill(1e-9));
    const nonSums = levels.map((n) => new Array<number>(n).fill(1e-9));
    let total = 0;
    for (let i = 0; i < counts.length; i++) {
      const w = p[i]! * counts[i]!;
      const non = counts[i]! - w;
      total += w;
      for (let f = 0; f < fields; f++) {
        const level = data[i * fields + f]!;
        if (level < 0) continue;
        sums[f]![level]! += w;
        nonSums[f]![level]! += non;
      }
    }
    const m = withFixed(normaliseRows(sums));
    const u = o.fixU ? model.u : normaliseRows(nonSums);
    const lambda = Math.min(1 - 1e-9, Math.max(1e-9, total / pairs));
    const moved = Math.max(
      Math.abs(lambda - model.lambda),
      ...m.flatMap((row, f) => row.map((x, l) => Math.abs(x - model.m[f]![l]!))),
      ...u.flatMap((row, f) => row.map((x, l) => Math.abs(x - model.u[f]![l]!))),
    );
    model = { lambda, m, u, iterations: it, converged: moved < o.tolerance };
    if (model.converged) break;
  }
  return model;
}
