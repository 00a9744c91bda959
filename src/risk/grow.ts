// Growing one tree leaf-wise: the leaf whose best split gains most is split next, until the tree
// has its maximum number of leaves or no split gains. Rows of a leaf are a segment of one index
// array, partitioned in place at each split; histograms come from a pool reused across trees.
import { BIN_SLOTS } from './binning.ts';
import {
  HIST_STRIDE,
  bestSplit,
  buildHistogram,
  subtractHistogram,
  type Split,
  type SplitRules,
} from './split.ts';
import { TreeBuilder, type Tree } from './tree.ts';

export interface GrowRules extends SplitRules {
  maxLeaves: number;
  /** 0: no limit. */
  maxDepth: number;
  learningRate: number;
}

export interface GrowData {
  bins: Uint8Array;
  nFeatures: number;
  categorical: Uint8Array;
  grad: Float64Array;
  hess: Float64Array;
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  hist: Float64Array;
  split: Split | null;
}

export class HistogramPool {
  private free: Float64Array[] = [];
  constructor(private readonly size: number) {}
  take(): Float64Array {
    return this.free.pop() ?? new Float64Array(this.size);
  }
  give(h: Float64Array): void {
    this.free.push(h);
  }
}

export function histogramPool(nFeatures: number): HistogramPool {
  return new HistogramPool(nFeatures * HIST_STRIDE);
}

/** Moves the rows going left to the front of [start, end); answers where the right part begins. */
function partition(data: GrowData, rows: Uint32Array, leaf: Leaf, split: Split): number {
  let i = leaf.start;
  let j = leaf.end - 1;
  const { bins, nFeatures } = data;
  const f = split.feature;
  const toLeft = (r: number): boolean => {
    const b = bins[r * nFeatures + f]!;
    return split.set === null ? b <= split.threshold : split.set[b] === 1;
  };
  while (i <= j) {
    if (toLeft(rows[i]!)) i++;
    else {
      const t = rows[i]!;
      rows[i] = rows[j]!;
      rows[j] = t;
      j--;
    }
  }
  return i;
}

function withSplit(leaf: Leaf, data: GrowData, features: Int32Array, rules: GrowRules): Leaf {
  const n = leaf.end - leaf.start;
  const deep = rules.maxDepth > 0 && leaf.depth >= rules.maxDepth;
  leaf.split =
    deep || n < 2 * rules.minSamplesLeaf
      ? null
      : bestSplit(leaf.hist, { g: leaf.g, h: leaf.h, n }, features, data.categorical, rules);
  return leaf;
}

function splitLeaf(
  leaf: Leaf,
  split: Split,
  ctx: { data: GrowData; rows: Uint32Array; builder: TreeBuilder; pool: HistogramPool },
): [Leaf, Leaf] {
  const { data, rows, builder, pool } = ctx;
  const mid = partition(data, rows, leaf, split);
  const rule = split.set === null ? { threshold: split.threshold } : { set: split.set };
  const [ln, rn] = builder.split(leaf.node, split.feature, rule, [mid - leaf.start, leaf.end - mid]);
  const left: Leaf = {
    node: ln,
    start: leaf.start,
    end: mid,
    depth: leaf.depth + 1,
    g: split.leftG,
    h: split.leftH,
    hist: leaf.hist,
    split: null,
  };
  const right: Leaf = {
    ...left,
    node: rn,
    start: mid,
    end: leaf.end,
    g: leaf.g - split.leftG,
    h: leaf.h - split.leftH,
  };
  const [small, large] = mid - leaf.start <= leaf.end - mid ? [left, right] : [right, left];
  small.hist = pool.take();
  buildHistogram(small.hist, data.bins, data.nFeatures, rows, small.start, small.end, data.grad, data.hess);
  subtractHistogram(large.hist, small.hist);
  return [left, right];
}

/** One tree on the rows rows[0 … count) with the allowed features; rows are reordered. */
export function growTree(
  data: GrowData,
  rows: Uint32Array,
  count: number,
  features: Int32Array,
  rules: GrowRules,
  pool: HistogramPool,
): Tree {
  const builder = new TreeBuilder(count);
  const rootHist = pool.take();
  buildHistogram(rootHist, data.bins, data.nFeatures, rows, 0, count, data.grad, data.hess);
  let g = 0;
  let h = 0;
  for (let b = 0; b < BIN_SLOTS; b++) {
    g += rootHist[b * 3]!;
    h += rootHist[b * 3 + 1]!;
  }
  const root: Leaf = { node: 0, start: 0, end: count, depth: 0, g, h, hist: rootHist, split: null };
  const leaves: Leaf[] = [withSplit(root, data, features, rules)];
  const ctx = { data, rows, builder, pool };
  while (leaves.length < rules.maxLeaves) {
    let pick = -1;
    for (let i = 0; i < leaves.length; i++) {
      const s = leaves[i]!.split;
      if (s && (pick < 0 || s.gain > leaves[pick]!.split!.gain)) pick = i;
    }
    if (pick < 0) break;
    const leaf = leaves[pick]!;
    const [a, b] = splitLeaf(leaf, leaf.split!, ctx);
    leaves.splice(pick, 1, withSplit(a, data, features, rules), withSplit(b, data, features, rules));
  }
  for (const leaf of leaves) {
    builder.setValue(leaf.node, (-leaf.g / (leaf.h + rules.l2)) * rules.learningRate);
    pool.give(leaf.hist);
  }
  return builder.freeze();
}
