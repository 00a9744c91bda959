// Exact TreeSHAP from tables computed once per model (the idea of Yang's "Fast TreeSHAP v2"):
// a leaf's share of each feature's contribution depends on the row only through which of the
// leaf's path features the row satisfies (every split on that feature goes the row's way). For a
// leaf with m distinct path features there are 2^m such patterns, so each leaf keeps, for every
// pattern, its m contributions. Explaining a row is then one walk over the tree's nodes to find
// each leaf's pattern, and m additions per leaf: no per-row polynomial work. The values are those
// of the path-dependent algorithm (shap.ts), within floating-point rounding.
//
// With the leaf's path features j (zero fraction z_j: the product of the cover ratios of its
// splits; one fraction o_j: 1 when the row satisfies it, else 0) and leaf value v, feature i gets
//   v (o_i − z_i) Σ_k k!(m−1−k)!/m! · q_k,  q the coefficients of Π_{j≠i} (z_j + o_j t).
import type { Tree } from './tree.ts';

/** Leaves with more distinct path features than this have no table (2^m × m values each). */
export const MAX_TABLE_FEATURES = 10;

interface PathFeature {
  feature: number;
  zero: number;
}

/** Shapley weight k!(m−1−k)!/m! of a coalition of k among m players, for k = 0 … m−1. */
function shapleyWeights(m: number): Float64Array {
  const w = new Float64Array(m);
  // w_0 = 1/m; w_{k+1} = w_k (k+1)/(m−1−k)
  if (m > 0) w[0] = 1 / m;
  for (let k = 0; k + 1 < m; k++) w[k + 1] = (w[k]! * (k + 1)) / (m - 1 - k);
  return w;
}

/** Writes the 2^m × m contributions of a leaf of value `value` into `out` from `at`. */
function fillLeaf(path: readonly PathFeature[], value: number, out: Float64Array, at: number): void {
  const m = path.length;
  const w = shapleyWeights(m);
  const c = new Float64Array(m + 1);
  for (let pattern = 0; pattern < 1 << m; pattern++) {
    // c: coefficients of Π_j (z_j + o_j t)
    c.fill(0);
    c[0] = 1;
    for (let j = 0; j < m; j++) {
      const z = path[j]!.zero;
      const one = (pattern >> j) & 1;
      for (let k = j + 1; k >= 0; k--) c[k] = c[k]! * z + (one && k > 0 ? c[k - 1]! : 0);
    }
    // A feature the row does not satisfy: Q = P / z_i, and v (0 − z_i) Σ w q = −v Σ w c.
    let cold = 0;
    for (let k = 0; k < m; k++) cold += w[k]! * c[k]!;
    const row = at + pattern * m;
    for (let i = 0; i < m; i++) {
      if (((pattern >> i) & 1) === 0) {
        out[row + i] = path[i]!.zero === 0 ? 0 : -value * cold;
        continue;
      }
      // Q = P / (z_i + t), from the top: q_{m−1} = c_m, q_{k−1} = c_k − z_i q_k.
      const z = path[i]!.zero;
      let q = c[m]!;
      let sum = w[m - 1]! * q;
      for (let k = m - 1; k >= 1; k--) {
        q = c[k]! - z * q;
        sum += w[k - 1]! * q;
      }
      out[row + i] = value * (1 - z) * sum;
    }
  }
}

/** The distinct features on each leaf's path with their zero fractions, and each node's bit. */
function leafPaths(tree: Tree): { bit: Int32Array; paths: Map<number, PathFeature[]> } {
  const bit = new Int32Array(tree.feature.length).fill(-1);
  const paths = new Map<number, PathFeature[]>();
  const visit = (node: number, path: PathFeature[]): void => {
    const f = tree.feature[node]!;
    if (f < 0) {
      paths.set(node, path);
      return;
    }
    let index = path.findIndex((p) => p.feature === f);
    if (index < 0) index = path.length;
    bit[node] = index;
    const cover = tree.cover[node]!;
    for (const child of [tree.left[node]!, tree.right[node]!]) {
      const ratio = tree.cover[child]! / cover;
      const next = path.map((p) => ({ ...p }));
      if (index < path.length) next[index]!.zero *= ratio;
      else next.push({ feature: f, zero: ratio });
      visit(child, next);
    }
  };
  visit(0, []);
  return { bit, paths };
}

/** Values a tree's tables take: Σ over leaves of 2^m × m; -1 past MAX_TABLE_FEATURES. */
export function tableSize(tree: Tree): number {
  let size = 0;
  for (const path of leafPaths(tree).paths.values()) {
    if (path.length > MAX_TABLE_FEATURES) return -1;
    size += path.length * (1 << path.length);
  }
  return size;
}

/** Most values all of a model's tables may take (8 bytes each: 32 MB). */
export const MAX_TABLE_VALUES = 1 << 22;

/**
 * The trees given tables, and the others (a leaf with more than MAX_TABLE_FEATURES distinct path
 * features, children numbered before their parent, or past MAX_TABLE_VALUES in all), which the
 * path algorithm explains.
 */
export function tableTrees(trees: readonly Tree[]): { tabled: Tree[]; walked: Tree[] } {
  const tabled: Tree[] = [];
  const walked: Tree[] = [];
  let total = 0;
  for (const tree of trees) {
    const size = tableSize(tree);
    if (size >= 0 && total + size <= MAX_TABLE_VALUES && childrenAfterParents(tree)) {
      tabled.push(tree);
      total += size;
    } else walked.push(tree);
  }
  return { tabled, walked };
}

function childrenAfterParents(tree: Tree): boolean {
  for (let node = 0; node < tree.feature.length; node++)
    if (tree.feature[node]! >= 0 && (tree.left[node]! <= node || tree.right[node]! <= node)) return false;
  return true;
}

/**
 * The tables of several trees, their nodes laid end to end (node ids and category offsets made
 * global), so one row is explained by one loop over typed arrays.
 */
export class ForestTable {
  private readonly feature: Int32Array;
  private readonly threshold: Int32Array;
  private readonly categorySet: Int32Array;
  private readonly categories: Uint8Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  /** Per node: bit of its split feature among the path's distinct features; -1 at leaves. */
  private readonly bit: Int32Array;
  /** Per leaf: where its 2^m × m values start in `values`. */
  private readonly at: Int32Array;
  /** Per leaf: its distinct path feature count m. */
  private readonly width: Uint8Array;
  /** Per leaf: where its m features start in `features`. */
  private readonly featuresAt: Int32Array;
  private readonly features: Int32Array;
  private readonly values: Float64Array;
  /** Leaves with at least one path feature (a one-leaf tree adds nothing). */
  private readonly leaves: Int32Array;
  /** Each tree's root: the node no parent hands a mask to. */
  private readonly roots: Int32Array;
  /** Per node, while a row is explained: the path features it fails on the way there, as bits. */
  private failed: Int32Array;

  constructor(trees: readonly Tree[]) {
    const nodes = trees.reduce((n, t) => n + t.feature.length, 0);
    this.feature = new Int32Array(nodes);
    this.threshold = new Int32Array(nodes);
    this.categorySet = new Int32Array(nodes);
    this.categories = new Uint8Array(trees.reduce((n, t) => n + t.categories.length, 0));
    this.left = new Int32Array(nodes);
    this.right = new Int32Array(nodes);
    this.bit = new Int32Array(nodes);
    this.at = new Int32Array(nodes).fill(-1);
    this.width = new Uint8Array(nodes);
    this.featuresAt = new Int32Array(nodes).fill(-1);
    const leaves = trees.map((t) => leafPaths(t));
    let size = 0;
    let featureCount = 0;
    for (const { paths } of leaves)
      for (const path of paths.values()) {
        size += path.length * (1 << path.length);
        featureCount += path.length;
      }
    this.values = new Float64Array(size);
    this.features = new Int32Array(featureCount);
    this.failed = new Int32Array(nodes);
    const leafIds: number[] = [];
    const roots: number[] = [];
    let base = 0;
    let categoryBase = 0;
    size = 0;
    featureCount = 0;
    trees.forEach((tree, t) => {
      const n = tree.feature.length;
      roots.push(base);
      this.feature.set(tree.feature, base);
      this.threshold.set(tree.threshold, base);
      this.categories.set(tree.categories, categoryBase);
      this.bit.set(leaves[t]!.bit, base);
      for (let i = 0; i < n; i++) {
        const set = tree.categorySet[i]!;
        this.categorySet[base + i] = set < 0 ? -1 : set + categoryBase;
        this.left[base + i] = tree.left[i]! + base;
        this.right[base + i] = tree.right[i]! + base;
      }
      for (const [leaf, path] of leaves[t]!.paths) {
        const id = base + leaf;
        if (path.length > 0) leafIds.push(id);
        this.at[id] = size;
        this.width[id] = path.length;
        this.featuresAt[id] = featureCount;
        fillLeaf(path, tree.value[leaf]!, this.values, size);
        path.forEach((p, i) => (this.features[featureCount + i] = p.feature));
        size += path.length * (1 << path.length);
        featureCount += path.length;
      }
      base += n;
      categoryBase += tree.categories.length;
    });
    this.leaves = Int32Array.from(leafIds);
    this.roots = Int32Array.from(roots);
  }

  /** Adds the row's contributions through every tree to `phi` (the row's bins start at `offset`). */
  explain(bins: Uint8Array, offset: number, phi: Float64Array): void {
    this.explainRows(bins, [offset], [phi]);
  }

  /**
   * Adds several rows' contributions, row r's (bins from `offsets[r]`) to `phis[r]`: each leaf's
   * features and table are read once for all of them, which saves memory traffic when the tables
   * are not in cache (a declaration's lines explained together).
   */
  explainRows(bins: Uint8Array, offsets: readonly number[], phis: readonly Float64Array[]): void {
    const { feature, threshold, categorySet, categories, left, right, bit, leaves } = this;
    const { at, width, featuresAt, features, values } = this;
    const nodes = feature.length;
    const rows = offsets.length;
    if (this.failed.length < rows * nodes) this.failed = new Int32Array(rows * nodes);
    // Node by node, all rows at each (a node's split read once): row r's mask at node n is at
    // n × rows + r. Children come after their parent, so one pass in node order hands each node
    // the path features the row fails on the way to it, as bits; the roots' masks are reset here.
    const failed = this.failed;
    for (const root of this.roots) failed.fill(0, root * rows, root * rows + rows);
    for (let node = 0; node < nodes; node++) {
      const f = feature[node]!;
      const base = node * rows;
      if (f < 0) continue;
      const toL = left[node]! * rows;
      const toR = right[node]! * rows;
      const cold = 1 << bit[node]!;
      const set = categorySet[node]!;
      const cut = threshold[node]!;
      for (let r = 0; r < rows; r++) {
        const bin = bins[offsets[r]! + f]!;
        const goesLeft = set < 0 ? bin <= cut : categories[set + bin] === 1;
        const mask = failed[base + r]!;
        failed[toL + r] = goesLeft ? mask : mask | cold;
        failed[toR + r] = goesLeft ? mask | cold : mask;
      }
    }
    for (let l = 0; l < leaves.length; l++) {
      const leaf = leaves[l]!;
      const m = width[leaf]!;
      const all = (1 << m) - 1;
      const fs = featuresAt[leaf]!;
      const first = at[leaf]!;
      const base = leaf * rows;
      for (let r = 0; r < rows; r++) {
        const row = first + (~failed[base + r]! & all) * m;
        const phi = phis[r]!;
        for (let i = 0; i < m; i++) phi[features[fs + i]!]! += values[row + i]!;
      }
    }
  }
}
