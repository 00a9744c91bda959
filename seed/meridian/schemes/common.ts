// What the six scheme planters share: drawing ring sizes and undervaluation depths from the
// world's parameters, camouflage trade, and recording a ring for the truth file.
import type { Rng } from '../../../src/model/rng.ts';
import type { TruthMember } from '../../../src/eval/truth.ts';
import { HEADINGS } from '../goods.ts';
import { honestLines } from '../lawful.ts';
import type { Supplier } from '../parties.ts';
import type { Population } from '../population.ts';
import type { RingRecord, World } from '../world.ts';

export interface SchemeContext {
  world: World;
  rng: Rng;
  pop: Population;
  /** 1-based number of this ring among its scheme's. */
  index: number;
}

export function ringId(typology: RingRecord['typology'], index: number): string {
  return `M-${typology}-${index}`;
}

export function ringSize(ctx: SchemeContext, cap = 20): number {
  const [lo, hi] = ctx.world.params.ringSize;
  return Math.min(cap, ctx.rng.int(Math.round(lo), Math.round(hi)));
}

/** The ring's undervaluation depth, drawn once per ring. */
export function ringDepth(ctx: SchemeContext): number {
  const [lo, hi] = ctx.world.params.undervaluation;
  return lo + (hi - lo) * ctx.rng.next();
}

/** One line's depth: the ring's, ±5 points, within the configured range. */
export function lineDepth(ctx: SchemeContext, depth: number): number {
  const [lo, hi] = ctx.world.params.undervaluation;
  return Math.min(hi, Math.max(lo, depth + (ctx.rng.next() - 0.5) * 0.1));
}

/** Headings with a duty to evade. */
export const DUTIABLE = HEADINGS.filter((h) => h.rate > 0.02);

/** Suppliers of the lawful population that sell a dutiable heading. */
export function dutiableSuppliers(pop: Population): Supplier[] {
  return pop.suppliers.filter((s) => s.headings.some((hs) => DUTIABLE.some((h) => h.hs === hs)));
}

/** How many honest declarations go with `illicit` ones for the camouflage share. */
export function camouflageCount(ctx: SchemeContext, illicit: number): number {
  const share = ctx.world.params.camouflage;
  return Math.round((illicit * share) / (1 - share));
}

/** Honest declarations by a ring member, with suppliers of the lawful population. */
export function camouflage(
  ctx: SchemeContext,
  importerId: string,
  brokerId: string | null,
  count: number,
  window: readonly [number, number],
): void {
  const { world, rng, pop } = ctx;
  const own = rng.sample(pop.suppliers, rng.int(1, 3));
  for (let i = 0; i < count; i++) {
    const s = rng.pick(own);
    world.declare({
      day: rng.int(window[0], window[1]),
      importerId,
      brokerId,
      consigneeId: null,
      supplierId: s.id,
      lines: honestLines(
        rng,
        s,
        rng.logNormal(1, 0.2),
        rng.weighted([
          [1, 3],
          [2, 1],
        ]),
      ),
      ringId: null,
    });
  }
}

export function recordRing(
  world: World,
  typology: RingRecord['typology'],
  index: number,
  description: string,
  members: TruthMember[],
): string {
  const id = ringId(typology, index);
  world.rings.push({ id, typology, description, members });
  return id;
}

/** Dutiable lines from a supplier: its dutiable headings, true values, a given undervaluation. */
export function dutiableLine(ctx: SchemeContext, s: Supplier, priceFactor: number, undervalue: number) {
  const { rng } = ctx;
  const candidates = s.headings.filter((hs) => DUTIABLE.some((h) => h.hs === hs));
  const hs = rng.pick(candidates.length > 0 ? candidates : s.headings);
  const [line] = honestLines(rng, { ...s, headings: [hs] }, priceFactor, 1);
  if (!line) throw new Error('meridian: no line');
  return { ...line, undervalue };
}
