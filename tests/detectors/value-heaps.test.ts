import { describe, expect, it } from 'vitest';
import type { LineTable } from '../../src/graph/view.ts';
import { valueHeaps } from '../../src/detectors/value-heaps.ts';

const OPTIONS = { heapWidth: 0.1, minHeapLines: 30, minHeapRatio: 3, minHeapZ: 6 };

function table(values: number[]): LineTable {
  return { size: values.length, customsValue: Float64Array.from(values) } as unknown as LineTable;
}

/** Values spread evenly on a log scale from 10 to 100,000. */
function smooth(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 10 * 10_000 ** (i / n));
}

describe('valueHeaps', () => {
  it('finds nothing in values spread smoothly, not even at their top', () => {
    expect(valueHeaps(table(smooth(2_000)), OPTIONS)).toEqual([]);
  });

  it('finds the round value the values pile up just below, with the counts either side', () => {
    const heaped = Array.from({ length: 90 }, (_, i) => 730 + i * 0.6);
    const heaps = valueHeaps(table([...smooth(2_000), ...heaped]), OPTIONS);
    // 90 heaped + 23 smooth values in [720, 800) against 21 in [800, 880).
    expect(heaps).toEqual([{ threshold: 800, below: 113, above: 21 }]);
  });

  it('needs enough lines: a few values under a round number are no heap', () => {
    const few = Array.from({ length: 20 }, (_, i) => 780 + i);
    expect(valueHeaps(table([...smooth(2_000), ...few]), OPTIONS)).toEqual([]);
  });
});
