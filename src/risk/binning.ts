// Features as small integers for the trees: each numeric feature cut at quantiles of the training
// data into at most 254 value bins, each categorical feature's integer code taken as its bin, and
// bin 0 kept for a missing value. Trees then split on bins, so a histogram of 256 slots per
// feature is all a split search needs to read.

export type FeatureKind = 'numeric' | 'categorical';

export interface FeatureSpec {
  name: string;
  kind: FeatureKind;
}

/** A feature with the cut points learnt from training data (numeric) or none (categorical). */
export interface BinnedFeature extends FeatureSpec {
  /** Numeric: ascending cut points; a value v falls in bin 1 + (number of cuts < v). */
  edges: number[];
}

/** The bins one feature can take: 0 (missing) and 1…255. */
export const BIN_SLOTS = 256;
/** Highest categorical code kept as its own bin; larger codes share the last bin. */
export const MAX_CATEGORY_CODE = BIN_SLOTS - 3;

/** Feature values as columns (one Float64Array per feature, NaN for missing), one row per line. */
export interface FeatureMatrix {
  rows: number;
  columns: Float64Array[];
}

/** Cut points at quantiles of the non-missing values, at most `maxBins - 1` of them. */
export function quantileEdges(values: Float64Array, maxBins: number): number[] {
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  const distinct: number[] = [];
  for (const v of present) if (distinct.length === 0 || distinct[distinct.length - 1] !== v) distinct.push(v);
  const cuts = Math.max(1, Math.min(maxBins, BIN_SLOTS - 1)) - 1;
  if (distinct.length <= cuts + 1) {
    return distinct.slice(1).map((v, i) => (distinct[i]! + v) / 2);
  }
  const edges: number[] = [];
  for (let b = 1; b <= cuts; b++) {
    const pos = Math.floor((present.length * b) / (cuts + 1));
    const hi = present[Math.min(present.length - 1, pos)]!;
    const lo = present[Math.max(0, pos - 1)]!;
    const edge = lo === hi ? hi : (lo + hi) / 2;
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  return edges;
}

export function fitBins(
  specs: readonly FeatureSpec[],
  matrix: FeatureMatrix,
  maxBins = 255,
): BinnedFeature[] {
  if (specs.length !== matrix.columns.length)
    throw new Error(
      `risk binning: ${specs.length} features named but ${matrix.columns.length} columns given`,
    );
  return specs.map((spec, f) => ({
    name: spec.name,
    kind: spec.kind,
    edges: spec.kind === 'numeric' ? quantileEdges(matrix.columns[f]!, maxBins) : [],
  }));
}

function numericBin(edges: readonly number[], v: number): number {
  if (Number.isNaN(v)) return 0;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

function categoryBin(code: number): number {
  if (Number.isNaN(code) || code < 0 || !Number.isInteger(code)) return 0;
  return Math.min(code, MAX_CATEGORY_CODE + 1) + 1;
}

/** Bin of one value of feature `feature`. */
export function binOf(feature: BinnedFeature, value: number): number {
  return feature.kind === 'numeric' ? numericBin(feature.edges, value) : categoryBin(value);
}

/** The matrix as bins, row-major (row r's features at r × features … r × features + features - 1). */
export function binMatrix(features: readonly BinnedFeature[], matrix: FeatureMatrix): Uint8Array {
  const nf = features.length;
  if (matrix.columns.length !== nf)
    throw new Error(`risk binning: the model has ${nf} features, the data ${matrix.columns.length} columns`);
  const out = new Uint8Array(matrix.rows * nf);
  for (let f = 0; f < nf; f++) {
    const feature = features[f]!;
    const column = matrix.columns[f]!;
    for (let r = 0; r < matrix.rows; r++) out[r * nf + f] = binOf(feature, column[r]!);
  }
  return out;
}
