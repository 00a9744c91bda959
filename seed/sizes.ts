// World sizes, by declaration lines, and the population each size implies.
import { z } from 'zod';

export const WorldSize = z.enum(['tiny', 'small', 'medium', 'large']);
export type WorldSize = z.infer<typeof WorldSize>;

export interface SizePlan {
  lines: number;
  importers: number;
  consignees: number;
  brokers: number;
  suppliers: number;
  /** Planted rings of each typology. */
  ringsPerTypology: number;
  /** Largest ring (members), within the 3–40 the world allows. */
  maxRingMembers: number;
}

const LINES: Record<WorldSize, number> = { tiny: 2_000, small: 50_000, medium: 500_000, large: 5_000_000 };
const RINGS: Record<WorldSize, number> = { tiny: 1, small: 3, medium: 8, large: 25 };
const MAX_MEMBERS: Record<WorldSize, number> = { tiny: 6, small: 16, medium: 30, large: 40 };

export function sizePlan(size: WorldSize): SizePlan {
  const lines = LINES[size];
  const importers = Math.max(60, Math.round(lines / 40));
  return {
    lines,
    importers,
    consignees: Math.max(20, Math.round(importers * 0.3)),
    brokers: Math.max(10, Math.round(importers / 14)),
    suppliers: Math.max(80, Math.round(importers * 0.8)),
    ringsPerTypology: RINGS[size],
    maxRingMembers: MAX_MEMBERS[size],
  };
}
