// A leaf's TreeSHAP table (see shap-table.ts): for each pattern of its path features the row
// satisfies, the contribution of each. With the leaf's path features j (zero fraction z_j: the
// product of the cover ratios of its splits; one fraction o_j: 1 when the row satisfies it, else
// 0) and leaf value v, feature i gets
//   v (o_i − z_i) Σ_k k!(m−1−k)!/m! · q_k,  q the coefficients of Π_{j≠i} (z_j + o_j t).
import type { Tree } from './tree.ts';

export interface PathFeature {
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
export function fillLeaf(path: readonly PathFeature[], value: number, out: Float64Array, at: number): void {
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

/**
 * Writes the table of two sibling leaves as one: 2^m patterns × 2 directions × m, for the pattern
 * of the path features the row satisfies down to their parent and whether it goes left (0) or
 * right (1) there. The leaf it leaves fails the parent's split (bit `bit`), the other keeps the
 * pattern; both leaves' contributions are added, so a row reads one table row for the two.
 */
export function fillPair(
  left: readonly PathFeature[],
  leftValue: number,
  right: readonly PathFeature[],
  rightValue: number,
  bit: number,
  out: Float64Array,
  at: number,
): void {
  const m = left.length;
  const l = new Float64Array(m << m);
  const r = new Float64Array(m << m);
  fillLeaf(left, leftValue, l, 0);
  fillLeaf(right, rightValue, r, 0);
  const keep = ~(1 << bit);
  for (let pattern = 0; pattern < 1 << m; pattern++) {
    const failed = pattern & keep;
    for (let i = 0; i < m; i++) {
      out[at + 2 * pattern * m + i] = l[pattern * m + i]! + r[failed * m + i]!;
      out[at + (2 * pattern + 1) * m + i] = l[failed * m + i]! + r[pattern * m + i]!;
    }
  }
}

/** The distinct features on each leaf's path with their zero fractions, and each node's bit. */
export function leafPaths(tree: Tree): { bit: Int32Array; paths: Map<number, PathFeature[]> } {
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
