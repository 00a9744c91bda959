// Exact TreeSHAP from tables computed once per model (the idea of Yang's "Fast TreeSHAP v2"):
// a leaf's share of each feature's contribution depends on the row only through which of the
// leaf's path features the row satisfies (every split on that feature goes the row's way). For a
// leaf with m distinct path features there are 2^m such patterns, so each leaf keeps, for every
// pattern, its m contributions. Explaining a row is then one walk over the tree's nodes to find
// each leaf's pattern, and m additions per leaf: no per-row polynomial work. The values are those
// of the path-dependent algorithm (shap.ts), within floating-point rounding. Two sibling leaves
// share one table (indexed by their parent's pattern and the row's direction there): most leaves
// have a sibling leaf, so a row reads about a third fewer table rows. The tables: shap-leaf.ts.
import { fillLeaf, fillPair, leafPaths, type PathFeature } from './shap-leaf.ts';
import type { Tree } from './tree.ts';

/** Leaves with more distinct path features than this have no table (2^m × m values each). */
export const MAX_TABLE_FEATURES = 10;

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
  /**
   * What a row reads a table row of: leaves with at least one path feature (a one-leaf tree adds
   * nothing), and the parents of two leaves, whose table holds both (fillPair).
   */
  private readonly leaves: Int32Array;
  /** Per node: at the parent of two leaves, the bit of its split among their path features; else 0. */
  private readonly pairBit: Int32Array;
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
    this.pairBit = new Int32Array(nodes);
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
      const { paths, bit } = leaves[t]!;
      const paired = new Set<number>();
      // Table rows: the parent of two leaves for both; every other leaf for itself.
      const table = (id: number, path: readonly PathFeature[], fill: () => void, pairs: number): void => {
        leafIds.push(id);
        this.at[id] = size;
        this.width[id] = path.length;
        this.featuresAt[id] = featureCount;
        fill();
        path.forEach((p, i) => (this.features[featureCount + i] = p.feature));
        size += pairs * path.length * (1 << path.length);
        featureCount += path.length;
      };
      for (let node = 0; node < n; node++) {
        const [l, r] = [tree.left[node]!, tree.right[node]!];
        if (tree.feature[node]! < 0 || tree.feature[l]! >= 0 || tree.feature[r]! >= 0) continue;
        const [lp, rp] = [paths.get(l)!, paths.get(r)!];
        const id = base + node;
        this.pairBit[id] = 1 << bit[node]!;
        const fill = () => fillPair(lp, tree.value[l]!, rp, tree.value[r]!, bit[node]!, this.values, size);
        table(id, lp, fill, 2);
        paired.add(l).add(r);
      }
      for (const [leaf, path] of paths) {
        if (paired.has(leaf) || path.length === 0) continue;
        table(base + leaf, path, () => fillLeaf(path, tree.value[leaf]!, this.values, size), 1);
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
    const { pairBit } = this;
    for (let u = 0; u < leaves.length; u++) {
      const node = leaves[u]!;
      const m = width[node]!;
      const all = (1 << m) - 1;
      const fs = featuresAt[node]!;
      const first = at[node]!;
      const pair = pairBit[node]!;
      const toL = (pair === 0 ? node : left[node]!) * rows;
      const toR = right[node]! * rows;
      for (let r = 0; r < rows; r++) {
        // A pair's row: the pattern of the child the row goes to (its mask lacks the parent's bit
        // unless failed above), and the direction; both children's masks hold it when failed above.
        const mask = failed[toL + r]!;
        const index =
          pair === 0
            ? ~mask & all
            : (mask & pair) === 0
              ? 2 * (~mask & all)
              : 2 * (~failed[toR + r]! & all) + 1;
        const row = first + index * m;
        const phi = phis[r]!;
        for (let i = 0; i < m; i++) phi[features[fs + i]!]! += values[row + i]!;
      }
    }
  }
}
