// Agreement between two partitions of the same items: normalised mutual information (arithmetic
// normalisation, as scikit-learn's default) and the adjusted Rand index. Used to score community
// detection against ground-truth communities.

/** A partition: item → community label. */
export type Partition = ReadonlyMap<string, string | number>;

interface Contingency {
  n: number;
  cells: number[];
  rowSums: number[];
  colSums: number[];
}

/** Cross-tabulates the items both partitions know; throws when they share none. */
function contingency(truth: Partition, found: Partition): Contingency {
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  const cells = new Map<string, number>();
  const rowSums: number[] = [];
  const colSums: number[] = [];
  let n = 0;
  for (const [item, t] of truth) {
    const f = found.get(item);
    if (f === undefined) continue;
    let r = rows.get(t);
    if (r === undefined) rows.set(t, (r = rows.size));
    let c = cols.get(f);
    if (c === undefined) cols.set(f, (c = cols.size));
    const key = `${r},${c}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rowSums[r] = (rowSums[r] ?? 0) + 1;
    colSums[c] = (colSums[c] ?? 0) + 1;
    n++;
  }
  if (n === 0) throw new Error('partition metrics: the two partitions have no item in common');
  return { n, cells: [...cells.values()], rowSums, colSums };
}

function entropy(sums: readonly number[], n: number): number {
  let h = 0;
  for (const s of sums) if (s > 0) h -= (s / n) * Math.log(s / n);
  return h;
}

/** Normalised mutual information in [0, 1]; 1 when both partitions put every item together. */
export function normalizedMutualInformation(truth: Partition, found: Partition): number {
  const { n, rowSums, colSums } = contingency(truth, found);
  const hTruth = entropy(rowSums, n);
  const hFound = entropy(colSums, n);
  if (hTruth + hFound === 0) return 1;
  // I(U;V) = H(U) + H(V) − H(U,V).
  const joint = entropy(contingency(truth, found).cells, n);
  const mutual = Math.max(0, hTruth + hFound - joint);
  return Math.min(1, mutual / ((hTruth + hFound) / 2));
}

const pairs = (x: number): number => (x * (x - 1)) / 2;

/** Adjusted Rand index: 1 for identical partitions, about 0 for chance agreement, may be < 0. */
export function adjustedRandIndex(truth: Partition, found: Partition): number {
  const { n, cells, rowSums, colSums } = contingency(truth, found);
  const index = cells.reduce((s, c) => s + pairs(c), 0);
  const rowPairs = rowSums.reduce((s, c) => s + pairs(c), 0);
  const colPairs = colSums.reduce((s, c) => s + pairs(c), 0);
  const expected = (rowPairs * colPairs) / pairs(n || 1);
  const max = (rowPairs + colPairs) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
