// Lawful trade: each importer's declarations over its window, by its habits, and the low-value
// platforms that lawfully ship parcels below the de-minimis to private buyers.
import type { Rng } from '../../src/model/rng.ts';
import { PARCEL_GOODS, heading } from './goods.ts';
import { personName } from './names.ts';
import { domesticFirm, originFrom, supplier, type Supplier } from './parties.ts';
import type { Habit, Population } from './population.ts';
import { PERIOD_DAYS, workday, type LineSpec, type World } from './world.ts';

/** A consignment's lines from one supplier, at true values. */
export function honestLines(rng: Rng, s: Supplier, priceFactor: number, count: number): LineSpec[] {
  const lines: LineSpec[] = [];
  for (let i = 0; i < count; i++) {
    const hs = rng.pick(s.headings);
    const h = heading(hs);
    const unitUsd = h.unitUsd * priceFactor * rng.logNormal(1, 0.2);
    const lineUsd = rng.logNormal(9000, 1.0);
    const origin = originFrom(rng, s, hs);
    lines.push({
      hs,
      origin,
      departure: s.trader && rng.chance(0.5) ? s.country : origin,
      quantity: Math.max(1, Math.round(lineUsd / unitUsd)),
      unitUsd,
    });
  }
  return lines;
}

/** One lawful declaration of an importer by its habits, on a day of its window. */
export function habitDeclaration(world: World, rng: Rng, habit: Habit, day?: number): number {
  const s = rng.pick(habit.suppliers);
  const lines = honestLines(
    rng,
    s,
    habit.priceFactor,
    rng.weighted([
      [1, 6],
      [2, 2],
      [3, 1],
      [4, 1],
    ]),
  );
  world.declare({
    day: day ?? workday(rng, habit.from, habit.to),
    importerId: habit.importerId,
    brokerId: habit.brokerId,
    consigneeId: habit.consignees.length > 0 && rng.chance(0.8) ? rng.pick(habit.consignees) : null,
    supplierId: s.id,
    lines,
    ringId: null,
  });
  return lines.length;
}

/** Lawful declarations until the world holds `target` lines. */
export function lawfulTrade(world: World, rng: Rng, pop: Population, target: number): void {
  // Cumulative weights, searched by bisection: a linear weighted draw per declaration would make
  // the medium world quadratic in its importers.
  const cumulative: number[] = [];
  let total = 0;
  for (const h of pop.habits) cumulative.push((total += h.weight));
  const draw = (): Habit => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return pop.habits[lo]!;
  };
  let lines = world.lineCount();
  // Every importer declares at least once, then volume follows the weights.
  for (const h of pop.habits) if (lines < target) lines += habitDeclaration(world, rng, h);
  while (lines < target) lines += habitDeclaration(world, rng, draw());
}

/** E-commerce sellers shipping parcels below the de-minimis, each to a different buyer. */
export function lowValuePlatforms(world: World, rng: Rng, parcels: number): void {
  const count = Math.max(1, Math.round(parcels / 400));
  for (let p = 0; p < count; p++) {
    const platform = domesticFirm(world, rng, 'importer');
    const h = rng.pick(PARCEL_GOODS);
    const seller = supplier(world, rng, h, true, rng.pick(['CN', 'HK']));
    const buyers: string[] = [];
    for (let i = 0; i < Math.round(parcels / count); i++) {
      const buyer = domesticFirm(world, rng, 'consignee', { gaps: true, bankAccount: null, email: null });
      buyer.name = personName(rng);
      buyers.push(buyer.id);
      const hs = rng.pick(seller.headings.filter((x) => PARCEL_GOODS.some((g) => g.hs === x)).concat(h.hs));
      const unitUsd = heading(hs).unitUsd * rng.logNormal(1, 0.3);
      const valueUsd = (world.admin.deMinimis / world.admin.perUsd) * (0.05 + 0.9 * rng.next());
      world.declare({
        day: workday(rng, 0, PERIOD_DAYS - 1),
        importerId: platform.id,
        brokerId: null,
        consigneeId: buyer.id,
        supplierId: seller.id,
        lines: [{ hs, origin: 'CN', quantity: Math.max(1, Math.floor(valueUsd / unitUsd)), unitUsd }],
        ringId: null,
      });
    }
    world.lookAlikes.push({
      kind: 'low_value_platform',
      description: 'an online seller shipping parcels below the de-minimis to private buyers',
      members: [
        { label: 'Importer', id: platform.id },
        { label: 'Supplier', id: seller.id },
      ],
    });
  }
}
