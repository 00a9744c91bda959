// Gradient histograms and the best split they allow. A histogram holds, per feature and bin, the
// sum of gradients, of hessians and the row count (3 slots); a child's histogram is built from
// its rows only when it is the smaller child, the larger one is its parent's minus the smaller.
import { BIN_SLOTS } from './binning.ts';

export const HIST_STRIDE = BIN_SLOTS * 3;

export interface SplitRules {
  l2: number;
  minSamplesLeaf: number;
  minHessianLeaf: number;
  /** Added to the hessian when ordering categories by gradient ratio (damps rare ones). */
  catSmooth: number;
  minGain: number;
}

export interface Split {
  gain: number;
  feature: number;
  /** Numeric: highest bin going left (-1 when categorical). */
  threshold: number;
  /** Categorical: bins going left, as a 256-slot set. */
  set: Uint8Array | null;
  leftG: number;
  leftH: number;
  leftN: number;
}

export function buildHistogram(
  hist: Float64Array,
  bins: Uint8Array,
  nFeatures: number,
  rows: Uint32Array,
  start: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
): void {
  hist.fill(0);
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const g = grad[r]!;
    const h = hess[r]!;
    const base = r * nFeatures;
    for (let f = 0; f < nFeatures; f++) {
      const slot = f * HIST_STRIDE + bins[base + f]! * 3;
      hist[slot]! += g;
      hist[slot + 1]! += h;
      hist[slot + 2]! += 1;
    }
  }
}

/** parent ← parent − child, turning the parent's histogram into its other child's. */
export function subtractHistogram(parent: Float64Array, child: Float64Array): void {
  for (let i = 0; i < parent.length; i++) parent[i]! -= child[i]!;
}

const score = (g: number, h: number, l2: number): number => (g * g) / (h + l2);

interface Totals {
  g: number;
  h: number;
  n: number;
}

function numericSplit(hist: Float64Array, f: number, t: Totals, rules: SplitRules, best: Split): void {
  const base = f * HIST_STRIDE;
  const parent = score(t.g, t.h, rules.l2);
  let g = 0;
  let h = 0;
  let n = 0;
  for (let b = 0; b < BIN_SLOTS - 1; b++) {
    const slot = base + b * 3;
    g += hist[slot]!;
    h += hist[slot + 1]!;
    n += hist[slot + 2]!;
    if (n < rules.minSamplesLeaf || h < rules.minHessianLeaf) continue;
    if (t.n - n < rules.minSamplesLeaf || t.h - h < rules.minHessianLeaf) break;
    const gain = score(g, h, rules.l2) + score(t.g - g, t.h - h, rules.l2) - parent;
    if (gain > best.gain)
      Object.assign(best, { gain, feature: f, threshold: b, set: null, leftG: g, leftH: h, leftN: n });
  }
}

function categoricalSplit(hist: Float64Array, f: number, t: Totals, rules: SplitRules, best: Split): void {
  const base = f * HIST_STRIDE;
  const present: number[] = [];
  for (let b = 0; b < BIN_SLOTS; b++) if (hist[base + b * 3 + 2]! > 0) present.push(b);
  if (present.length < 2) return;
  const ratio = (b: number): number => hist[base + b * 3]! / (hist[base + b * 3 + 1]! + rules.catSmooth);
  present.sort((a, b) => ratio(a) - ratio(b) || a - b);
  const parent = score(t.g, t.h, rules.l2);
  let g = 0;
  let h = 0;
  let n = 0;
  let bestCut = -1;
  for (let i = 0; i < present.length - 1; i++) {
    const slot = base + present[i]! * 3;
    g += hist[slot]!;
    h += hist[slot + 1]!;
    n += hist[slot + 2]!;
    if (n < rules.minSamplesLeaf || h < rules.minHessianLeaf) continue;
    if (t.n - n < rules.minSamplesLeaf || t.h - h < rules.minHessianLeaf) break;
    const gain = score(g, h, rules.l2) + score(t.g - g, t.h - h, rules.l2) - parent;
    if (gain > best.gain) {
      Object.assign(best, { gain, feature: f, threshold: -1, leftG: g, leftH: h, leftN: n });
      bestCut = i;
    }
  }
  if (bestCut >= 0) {
    const set = new Uint8Array(BIN_SLOTS);
    for (let i = 0; i <= bestCut; i++) set[present[i]!] = 1;
    best.set = set;
  }
}

/** The best split of a node over the allowed features, or null when none gains enough. */
export function bestSplit(
  hist: Float64Array,
  totals: Totals,
  features: Int32Array,
  categorical: Uint8Array,
  rules: SplitRules,
): Split | null {
  const best: Split = {
    gain: rules.minGain,
    feature: -1,
    threshold: -1,
    set: null,
    leftG: 0,
    leftH: 0,
    leftN: 0,
  };
  for (const f of features) {
    if (categorical[f] === 1) categoricalSplit(hist, f, totals, rules, best);
    else numericSplit(hist, f, totals, rules, best);
  }
  return best.feature < 0 ? null : best;
}
