// Gradient-boosted decision trees for a yes/no outcome (logistic loss) on binned features:
// histogram split search, leaf-wise trees, L2-regularised leaf values shrunk by the learning
// rate, optional seeded row and feature subsampling per tree. Same data, same seed: same model.
import { seededRng } from '../model/rng.ts';

/** A seeded draw in [0, 1). */
type Rng = () => number;
import { binMatrix, fitBins, type BinnedFeature, type FeatureMatrix, type FeatureSpec } from './binning.ts';
import { growTree, histogramPool } from './grow.ts';
import { treeOutput, type Tree } from './tree.ts';

export interface GbdtParams {
  iterations: number;
  learningRate: number;
  maxLeaves: number;
  /** 0: depth limited by maxLeaves only. */
  maxDepth: number;
  minSamplesLeaf: number;
  minHessianLeaf: number;
  l2: number;
  catSmooth: number;
  minGain: number;
  /** Numeric cut points per feature: at most maxBins - 1 (≤ 254). */
  maxBins: number;
  /** Share of rows each tree sees (1: all). */
  rowSubsample: number;
  /** Share of features each tree may split on (1: all). */
  featureSubsample: number;
  seed: number;
}

export const DEFAULTS: GbdtParams = {
  iterations: 300,
  learningRate: 0.05,
  maxLeaves: 31,
  maxDepth: 0,
  minSamplesLeaf: 20,
  minHessianLeaf: 1e-3,
  l2: 1,
  catSmooth: 10,
  minGain: 1e-9,
  maxBins: 255,
  rowSubsample: 1,
  featureSubsample: 1,
  seed: 1,
};

export interface GbdtModel {
  features: BinnedFeature[];
  /** Log-odds every prediction starts from: the training base rate's. */
  baseScore: number;
  trees: Tree[];
  params: GbdtParams;
}

export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

function validate(matrix: FeatureMatrix, labels: ArrayLike<number>, params: GbdtParams): void {
  if (labels.length !== matrix.rows)
    throw new Error(`risk model: ${matrix.rows} rows but ${labels.length} labels`);
  if (matrix.rows === 0 || matrix.columns.length === 0)
    throw new Error('risk model: nothing to train on (no rows or no features)');
  for (const c of matrix.columns)
    if (c.length !== matrix.rows) throw new Error('risk model: feature columns of unequal length');
  if (!(params.learningRate > 0) || params.maxLeaves < 2 || params.iterations < 0)
    throw new Error('risk model: learningRate must be > 0, maxLeaves ≥ 2, iterations ≥ 0');
}

/** Fisher–Yates draw of `count` of `n` indices into the front of `into`. */
function sampleInto(into: Uint32Array, n: number, count: number, rng: Rng): void {
  for (let i = 0; i < n; i++) into[i] = i;
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = into[i]!;
    into[i] = into[j]!;
    into[j] = t;
  }
}

function treeFeatures(nFeatures: number, share: number, rng: Rng): Int32Array {
  const count = Math.max(1, Math.round(nFeatures * Math.min(1, share)));
  if (count >= nFeatures) return Int32Array.from({ length: nFeatures }, (_, i) => i);
  const all = new Uint32Array(nFeatures);
  sampleInto(all, nFeatures, count, rng);
  return Int32Array.from(all.subarray(0, count)).sort();
}

export function trainGbdt(
  specs: readonly FeatureSpec[],
  matrix: FeatureMatrix,
  labels: ArrayLike<number>,
  options: Partial<GbdtParams> = {},
): GbdtModel {
  const params = { ...DEFAULTS, ...options };
  validate(matrix, labels, params);
  const features = fitBins(specs, matrix, params.maxBins);
  const n = matrix.rows;
  const nf = features.length;
  const bins = binMatrix(features, matrix);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]! > 0 ? 1 : 0;
  const rate = Math.min(1 - 1e-6, Math.max(1e-6, positives / n));
  const baseScore = Math.log(rate / (1 - rate));
  const raw = new Float64Array(n).fill(baseScore);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const categorical = Uint8Array.from(features, (f) => (f.kind === 'categorical' ? 1 : 0));
  const data = { bins, nFeatures: nf, categorical, grad, hess };
  const rows = new Uint32Array(n);
  const rng = seededRng(params.seed);
  const pool = histogramPool(nf);
  const trees: Tree[] = [];
  for (let t = 0; t < params.iterations; t++) {
    for (let i = 0; i < n; i++) {
      const p = logistic(raw[i]!);
      grad[i] = p - (labels[i]! > 0 ? 1 : 0);
      hess[i] = Math.max(p * (1 - p), 1e-12);
    }
    const count = params.rowSubsample >= 1 ? n : Math.max(1, Math.round(n * params.rowSubsample));
    sampleInto(rows, n, count >= n ? 0 : count, rng);
    const tree = growTree(data, rows, count, treeFeatures(nf, params.featureSubsample, rng), params, pool);
    trees.push(tree);
    for (let i = 0; i < n; i++) raw[i]! += treeOutput(tree, bins, i * nf);
  }
  return { features, baseScore, trees, params };
}

/** Adds one tree's output to each row's log-odds; the tree's arrays stay hot across rows. */
function addTree(tree: Tree, bins: Uint8Array, nf: number, out: Float64Array): void {
  const { feature, threshold, categorySet, categories, left, right, value } = tree;
  const rows = out.length;
  for (let r = 0, offset = 0; r < rows; r++, offset += nf) {
    let node = 0;
    let f = feature[0]!;
    while (f >= 0) {
      const bin = bins[offset + f]!;
      const set = categorySet[node]!;
      node = (set < 0 ? bin <= threshold[node]! : categories[set + bin] === 1) ? left[node]! : right[node]!;
      f = feature[node]!;
    }
    out[r]! += value[node]!;
  }
}

/** Log-odds of each row of an already binned matrix. */
export function predictBinned(model: GbdtModel, bins: Uint8Array): Float64Array {
  const nf = model.features.length;
  const rows = nf === 0 ? 0 : bins.length / nf;
  const out = new Float64Array(rows).fill(model.baseScore);
  for (const tree of model.trees) addTree(tree, bins, nf, out);
  return out;
}

/** Log-odds of each row. */
export function predictRaw(model: GbdtModel, matrix: FeatureMatrix): Float64Array {
  return predictBinned(model, binMatrix(model.features, matrix));
}

/** Probability of each row. */
export function predictProbability(model: GbdtModel, matrix: FeatureMatrix): Float64Array {
  return predictRaw(model, matrix).map(logistic);
}
