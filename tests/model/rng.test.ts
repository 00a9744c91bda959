import { describe, expect, it } from 'vitest';
import { Rng, seededRng } from '../../src/model/rng.ts';

describe('Rng', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws integers in the closed range and picks only from the list', () => {
    const rng = new Rng(1);
    const ints = Array.from({ length: 200 }, () => rng.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(() => rng.pick([])).toThrow(/empty/);
    expect(rng.sample([1, 2, 3, 4], 3)).toHaveLength(3);
  });

  it('seededRng is the same stream as a function', () => {
    const next = seededRng(42);
    const rng = new Rng(42);
    expect([next(), next(), next()]).toEqual([rng.next(), rng.next(), rng.next()]);
  });
});
