// Value heaping: declared values piling up just below a round value are the trace of a
// threshold someone is declaring under — a de-minimis value, whichever administration's it is.
// Read from the data alone: many more lines in the band just below a round value than in the
// band of the same width just above it, while the values go on beyond.
import type { LineTable } from '../graph/view.ts';

export interface HeapOptions {
  /** Width of the bands either side of the round value, as a fraction of it. */
  heapWidth: number;
  /** Fewest lines in the band below. */
  minHeapLines: number;
  /** Lines below ÷ lines above must reach this. */
  minHeapRatio: number;
  /** (below − above) / √(below + above): how far the heap stands out from chance. */
  minHeapZ: number;
}

export interface ValueHeap {
  threshold: number;
  below: number;
  above: number;
}

/** Round values thresholds are set at: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 and 8 × 10^k, 10 to 10^6. */
export const ROUND_VALUES: readonly number[] = [1, 2, 3, 4, 5, 6].flatMap((k) =>
  [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8].map((m) => Math.round(m * 10 ** k)),
);

/** First index of `sorted` at or above `x`. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The round values the declared customs values heap just below, ascending. */
export function valueHeaps(lines: LineTable, o: HeapOptions): ValueHeap[] {
  const values = new Float64Array(lines.size);
  let n = 0;
  for (let i = 0; i < lines.size; i++) {
    const v = lines.customsValue[i] ?? Number.NaN;
    if (v > 0) values[n++] = v;
  }
  const sorted = values.subarray(0, n).sort();
  const heaps: ValueHeap[] = [];
  for (const threshold of ROUND_VALUES) {
    const low = lowerBound(sorted, threshold * (1 - o.heapWidth));
    const at = lowerBound(sorted, threshold);
    const high = lowerBound(sorted, threshold * (1 + o.heapWidth));
    const below = at - low;
    const above = high - at;
    if (below < o.minHeapLines || below < o.minHeapRatio * above) continue;
    // The values must go on past the threshold: the top of the data is an edge, not a heap.
    if (n - high < o.minHeapLines) continue;
    if ((below - above) / Math.sqrt(below + above) < o.minHeapZ) continue;
    heaps.push({ threshold, below, above });
  }
  return heaps;
}
