// Every size plants every typology, within the ring sizes the world allows.
import { describe, expect, it } from 'vitest';
import { WorldSize, sizePlan } from '../../seed/sizes.ts';

describe('sizePlan', () => {
  it('grows with the size and plants at least one ring of each typology at every size', () => {
    let previous = 0;
    for (const size of WorldSize.options) {
      const plan = sizePlan(size);
      expect(plan.lines).toBeGreaterThan(previous);
      previous = plan.lines;
      expect(plan.ringsPerTypology).toBeGreaterThanOrEqual(1);
      expect(plan.maxRingMembers).toBeGreaterThanOrEqual(3);
      expect(plan.maxRingMembers).toBeLessThanOrEqual(40);
      // Enough lawful firms that the planted ones do not dominate.
      expect(plan.importers).toBeGreaterThan(plan.ringsPerTypology * 6 * plan.maxRingMembers * 0.5);
    }
  });

  it('matches the sizes of the issue: 2k, 50k, 500k and 5M lines', () => {
    expect(WorldSize.options.map((s) => sizePlan(s).lines)).toEqual([2_000, 50_000, 500_000, 5_000_000]);
  });
});
