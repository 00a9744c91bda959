// Reasons for a score: exact TreeSHAP (Lundberg et al., "Consistent individualized feature
// attribution for tree ensembles", algorithm 2, path-dependent with the training cover). For
// each row the per-feature contributions plus the expected value add up to the row's log-odds.
import { binMatrix, type FeatureMatrix } from './binning.ts';
import type { GbdtModel } from './gbdt.ts';
import { goesLeft, type Tree } from './tree.ts';

/** The path of unique features from the root to the current node, one segment per depth. */
interface Path {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
}

function treeDepth(tree: Tree, node = 0): number {
  if (tree.feature[node]! < 0) return 0;
  return 1 + Math.max(treeDepth(tree, tree.left[node]), treeDepth(tree, tree.right[node]));
}

function newPath(depth: number): Path {
  const size = ((depth + 2) * (depth + 3)) / 2;
  return {
    feature: new Int32Array(size),
    zero: new Float64Array(size),
    one: new Float64Array(size),
    weight: new Float64Array(size),
  };
}

function extend(p: Path, at: number, depth: number, zero: number, one: number, feature: number): void {
  p.feature[at + depth] = feature;
  p.zero[at + depth] = zero;
  p.one[at + depth] = one;
  p.weight[at + depth] = depth === 0 ? 1 : 0;
  const w = p.weight;
  for (let i = depth - 1; i >= 0; i--) {
    w[at + i + 1]! += (one * w[at + i]! * (i + 1)) / (depth + 1);
    w[at + i] = (zero * w[at + i]! * (depth - i)) / (depth + 1);
  }
}

function unwind(p: Path, at: number, depth: number, index: number): void {
  const one = p.one[at + index]!;
  const zero = p.zero[at + index]!;
  const w = p.weight;
  let next = w[at + depth]!;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = w[at + i]!;
      w[at + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (w[at + i]! * zero * (depth - i)) / (depth + 1);
    } else {
      w[at + i] = (w[at + i]! * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1]!;
    p.zero[at + i] = p.zero[at + i + 1]!;
    p.one[at + i] = p.one[at + i + 1]!;
  }
}

function unwoundSum(p: Path, at: number, depth: number, index: number): number {
  const one = p.one[at + index]!;
  const zero = p.zero[at + index]!;
  let next = p.weight[at + depth]!;
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = next / ((i + 1) * one);
      total += tmp;
      next = p.weight[at + i]! - tmp * zero * (depth - i);
    } else {
      total += p.weight[at + i]! / (zero * (depth - i));
    }
  }
  return total * (depth + 1);
}

interface Walk {
  tree: Tree;
  bins: Uint8Array;
  offset: number;
  path: Path;
  phi: Float64Array;
}

function recurse(
  w: Walk,
  node: number,
  depth: number,
  parentAt: number,
  zero: number,
  one: number,
  feature: number,
): void {
  const { tree, path } = w;
  const at = parentAt + depth;
  for (let i = 0; i < depth; i++) {
    path.feature[at + i] = path.feature[parentAt + i]!;
    path.zero[at + i] = path.zero[parentAt + i]!;
    path.one[at + i] = path.one[parentAt + i]!;
    path.weight[at + i] = path.weight[parentAt + i]!;
  }
  extend(path, at, depth, zero, one, feature);
  const split = tree.feature[node]!;
  if (split < 0) {
    for (let i = 1; i <= depth; i++) {
      const s = unwoundSum(path, at, depth, i);
      w.phi[path.feature[at + i]!]! += s * (path.one[at + i]! - path.zero[at + i]!) * tree.value[node]!;
    }
    return;
  }
  const left = goesLeft(tree, node, w.bins[w.offset + split]!);
  const hot = left ? tree.left[node]! : tree.right[node]!;
  const cold = left ? tree.right[node]! : tree.left[node]!;
  const cover = tree.cover[node]!;
  let inZero = 1;
  let inOne = 1;
  let d = depth;
  let index = 0;
  while (index <= d && path.feature[at + index] !== split) index++;
  if (index <= d) {
    inZero = path.zero[at + index]!;
    inOne = path.one[at + index]!;
    unwind(path, at, d, index);
    d -= 1;
  }
  recurse(w, hot, d + 1, at, (tree.cover[hot]! / cover) * inZero, inOne, split);
  recurse(w, cold, d + 1, at, (tree.cover[cold]! / cover) * inZero, 0, split);
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

/** Prepares the per-tree path buffers once; `explain` then answers one row's contributions. */
export function treeExplainer(model: GbdtModel): (bins: Uint8Array, row: number) => Float64Array {
  const paths = model.trees.map((t) => newPath(treeDepth(t)));
  const nf = model.features.length;
  return (bins, row) => {
    const phi = new Float64Array(nf);
    model.trees.forEach((tree, t) => {
      const walk: Walk = { tree, bins, offset: row * nf, path: paths[t]!, phi };
      recurse(walk, 0, 0, 0, 1, 1, -1);
    });
    return phi;
  };
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
