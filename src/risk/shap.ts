// Reasons for a score: exact TreeSHAP (Lundberg et al., "Consistent individualized feature
// attribution for tree ensembles", algorithm 2, path-dependent with the training cover). For
// each row the per-feature contributions plus the expected value add up to the row's log-odds.
// Most trees are explained from leaf tables computed once (shap-table.ts, several times faster a
// row); the path algorithm here explains the trees too deep for them.
import { binMatrix, type FeatureMatrix } from './binning.ts';
import type { GbdtModel } from './gbdt.ts';
import { ForestTable, tableTrees } from './shap-table.ts';
import { goesLeft, type Tree } from './tree.ts';

function treeDepth(tree: Tree, node = 0): number {
  if (tree.feature[node]! < 0) return 0;
  return 1 + Math.max(treeDepth(tree, tree.left[node]), treeDepth(tree, tree.right[node]));
}

/**
 * One explainer's working memory, allocated once and reused for every tree and row: the path of
 * unique features from the root to the current node, one segment per depth (segment d starts at
 * d(d+1)/2 and holds d + 1 entries), and the row being explained. `one` is always 0 or 1
 * (the row goes down the hot branch or not), which the sums below use.
 */
class Walker {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;
  /** 1/k for every path length: multiplying is cheaper than dividing in the inner loops. */
  private readonly inverse: Float64Array;
  tree!: Tree;
  bins!: Uint8Array;
  offset = 0;
  phi!: Float64Array;

  constructor(maxDepth: number) {
    const size = ((maxDepth + 2) * (maxDepth + 3)) / 2;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
    this.inverse = Float64Array.from({ length: maxDepth + 3 }, (_, k) => (k === 0 ? 0 : 1 / k));
  }

  private extend(at: number, depth: number, zero: number, one: number, feature: number): void {
    const w = this.weight;
    this.feature[at + depth] = feature;
    this.zero[at + depth] = zero;
    this.one[at + depth] = one;
    w[at + depth] = depth === 0 ? 1 : 0;
    const scale = 1 / (depth + 1);
    for (let i = depth - 1; i >= 0; i--) {
      const wi = w[at + i]!;
      w[at + i + 1]! += one * wi * (i + 1) * scale;
      w[at + i] = zero * wi * (depth - i) * scale;
    }
  }

  private unwind(at: number, depth: number, index: number): void {
    const one = this.one[at + index]!;
    const zero = this.zero[at + index]!;
    const w = this.weight;
    if (one !== 0) {
      let next = w[at + depth]!;
      for (let i = depth - 1; i >= 0; i--) {
        const tmp = w[at + i]!;
        const wi = (next * (depth + 1)) / ((i + 1) * one);
        w[at + i] = wi;
        next = tmp - (wi * zero * (depth - i)) / (depth + 1);
      }
    } else {
      for (let i = depth - 1; i >= 0; i--) w[at + i] = (w[at + i]! * (depth + 1)) / (zero * (depth - i));
    }
    const { feature: f, zero: z, one: o } = this;
    for (let i = at + index; i < at + depth; i++) {
      f[i] = f[i + 1]!;
      z[i] = z[i + 1]!;
      o[i] = o[i + 1]!;
    }
  }

  /**
   * The path's weight total with entry `index` unwound, without changing the path, for an entry
   * the row does not satisfy (`one` 1). For the others (`one` 0) it is the same sum for every
   * entry divided by the entry's `zero`: coldSum below, computed once per leaf.
   */
  private unwoundSum(at: number, depth: number, index: number): number {
    const zero = this.zero[at + index]!;
    const w = this.weight;
    const inverse = this.inverse;
    let total = 0;
    let next = w[at + depth]!;
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = next * inverse[i + 1]!;
      total += tmp;
      next = w[at + i]! - tmp * zero * (depth - i);
    }
    return total * (depth + 1);
  }

  /** What unwoundSum gives for any entry with `one` 0, times that entry's `zero`. */
  private coldSum(at: number, depth: number): number {
    const w = this.weight;
    const inverse = this.inverse;
    let total = 0;
    for (let i = depth - 1; i >= 0; i--) total += w[at + i]! * inverse[depth - i]!;
    return total * (depth + 1);
  }

  private leaf(at: number, depth: number, value: number): void {
    const { feature: f, zero: z, one: o, phi } = this;
    let cold = Number.NaN;
    for (let i = 1; i <= depth; i++) {
      if (o[at + i] !== 0) {
        phi[f[at + i]!]! += this.unwoundSum(at, depth, i) * (1 - z[at + i]!) * value;
      } else {
        if (Number.isNaN(cold)) cold = this.coldSum(at, depth);
        // (cold / zero) × (0 − zero) × value
        phi[f[at + i]!]! -= cold * value;
      }
    }
  }

  recurse(node: number, depth: number, parentAt: number, zero: number, one: number, feature: number): void {
    const tree = this.tree;
    const at = parentAt + depth;
    const { feature: f, zero: z, one: o, weight: w } = this;
    for (let i = 0; i < depth; i++) {
      f[at + i] = f[parentAt + i]!;
      z[at + i] = z[parentAt + i]!;
      o[at + i] = o[parentAt + i]!;
      w[at + i] = w[parentAt + i]!;
    }
    this.extend(at, depth, zero, one, feature);
    const split = tree.feature[node]!;
    if (split < 0) {
      this.leaf(at, depth, tree.value[node]!);
      return;
    }
    const left = goesLeft(tree, node, this.bins[this.offset + split]!);
    const hot = left ? tree.left[node]! : tree.right[node]!;
    const cold = left ? tree.right[node]! : tree.left[node]!;
    const cover = tree.cover[node]!;
    let inZero = 1;
    let inOne = 1;
    let d = depth;
    let index = 0;
    while (index <= d && f[at + index] !== split) index++;
    if (index <= d) {
      inZero = z[at + index]!;
      inOne = o[at + index]!;
      this.unwind(at, d, index);
      d -= 1;
    }
    this.recurse(hot, d + 1, at, (tree.cover[hot]! / cover) * inZero, inOne, split);
    this.recurse(cold, d + 1, at, (tree.cover[cold]! / cover) * inZero, 0, split);
  }
}

/** Mean log-odds over the training rows (by cover): what contributions are measured from. */
export function expectedValue(model: GbdtModel): number {
  let sum = model.baseScore;
  for (const tree of model.trees) {
    const root = tree.cover[0]!;
    for (let n = 0; n < tree.feature.length; n++)
      if (tree.feature[n]! < 0) sum += (tree.value[n]! * tree.cover[n]!) / root;
  }
  return sum;
}

/**
 * An explainer: one row's contributions, into `out` when given (else a new array); `rows`, several
 * rows' at once into `outs` (each zeroed first), as they would be one by one.
 */
export type TreeExplainer = ((bins: Uint8Array, row: number, out?: Float64Array) => Float64Array) & {
  rows(bins: Uint8Array, rows: readonly number[], outs: readonly Float64Array[]): void;
};

/**
 * Prepares once the leaf tables (shap-table.ts) of the trees that fit them and the path buffers
 * for the others; `explain` then answers one row's contributions, allocating nothing given `out`.
 * `tables: false` explains every tree with the path algorithm.
 */
export function treeExplainer(model: GbdtModel, options: { tables?: boolean } = {}): TreeExplainer {
  const { tabled, walked } =
    options.tables === false ? { tabled: [], walked: model.trees } : tableTrees(model.trees);
  const forest = tabled.length > 0 ? new ForestTable(tabled) : null;
  const walker = new Walker(Math.max(0, ...walked.map((t) => treeDepth(t))));
  const nf = model.features.length;
  const walk = (bins: Uint8Array, row: number, phi: Float64Array): void => {
    walker.bins = bins;
    walker.offset = row * nf;
    walker.phi = phi;
    for (const tree of walked) {
      walker.tree = tree;
      walker.recurse(0, 0, 0, 1, 1, -1);
    }
  };
  const explain = (bins: Uint8Array, row: number, out?: Float64Array): Float64Array => {
    const phi = out ?? new Float64Array(nf);
    if (out) phi.fill(0);
    forest?.explain(bins, row * nf, phi);
    walk(bins, row, phi);
    return phi;
  };
  const rows = (bins: Uint8Array, rows: readonly number[], outs: readonly Float64Array[]): void => {
    for (const out of outs) out.fill(0);
    forest?.explainRows(
      bins,
      rows.map((r) => r * nf),
      outs,
    );
    rows.forEach((row, i) => walk(bins, row, outs[i]!));
  };
  return Object.assign(explain, { rows });
}

/** Contributions of every feature for every row, and the expected value they start from. */
export function shapValues(
  model: GbdtModel,
  matrix: FeatureMatrix,
): { expected: number; phi: Float64Array[] } {
  const bins = binMatrix(model.features, matrix);
  const explain = treeExplainer(model);
  const phi: Float64Array[] = [];
  for (let r = 0; r < matrix.rows; r++) phi.push(explain(bins, r));
  return { expected: expectedValue(model), phi };
}
