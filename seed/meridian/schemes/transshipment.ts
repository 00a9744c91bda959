// Transshipment: Chinese goods under an anti-dumping surcharge routed via a hub and declared as
// made there, from the first line on; the invoicing supplier stays Chinese (or its HK arm).
import { HUBS, SURCHARGED } from '../goods.ts';
import { domesticFirm, supplier } from '../parties.ts';
import { PERIOD_DAYS, workday } from '../world.ts';
import { camouflage, camouflageCount, recordRing, ringSize, type SchemeContext } from './common.ts';

export function plantTransshipment(ctx: SchemeContext): void {
  const { world, rng } = ctx;
  const size = ringSize(ctx);
  const goods = rng.sample(SURCHARGED, rng.int(1, 2));
  const hub = rng.pick(HUBS);
  const producers = Array.from({ length: rng.int(1, 3) }, (_, k) =>
    supplier(world, rng, goods[k % goods.length]!, false, rng.chance(0.3) ? 'HK' : 'CN'),
  );
  for (const p of producers) for (const g of goods) if (!p.headings.includes(g.hs)) p.headings.push(g.hs);
  const complicit = rng.chance(0.6);
  const forwarder = complicit
    ? domesticFirm(world, rng, 'broker', { registeredOn: -rng.int(100, 2000) }).id
    : rng.pick(ctx.pop.brokers.slice(0, 3)).id;
  const importers: string[] = [];
  const id = `M-origin_misdeclaration-${ctx.index}`;
  for (let i = 0; i < size; i++) {
    const firm = domesticFirm(world, rng, 'importer', { registeredOn: -rng.int(30, 2000) });
    importers.push(firm.id);
    const from = rng.int(0, PERIOD_DAYS - 120);
    const to = Math.min(PERIOD_DAYS - 1, from + rng.int(90, 600));
    const declarations = rng.int(3, 12);
    for (let d = 0; d < declarations; d++) {
      const s = rng.pick(producers);
      const lines = Array.from(
        {
          length: rng.weighted([
            [1, 3],
            [2, 1],
          ]),
        },
        () => {
          const h = rng.pick(goods);
          const unitUsd = h.unitUsd * rng.logNormal(1, 0.2);
          return {
            hs: h.hs,
            origin: 'CN',
            declaredOrigin: hub,
            departure: rng.weighted<string | null>([
              [hub, 8],
              ['CN', 1],
              [null, 1],
            ]),
            quantity: Math.max(1, Math.round(rng.logNormal(15000, 0.8) / unitUsd)),
            unitUsd,
          };
        },
      );
      world.declare({
        day: workday(rng, from, to),
        importerId: firm.id,
        brokerId: forwarder,
        consigneeId: null,
        supplierId: s.id,
        lines,
        ringId: id,
      });
    }
    camouflage(ctx, firm.id, forwarder, camouflageCount(ctx, declarations), [from, to]);
  }
  recordRing(
    world,
    'origin_misdeclaration',
    ctx.index,
    `${size} importers declaring Chinese ${goods.map((g) => g.description).join(' and ')} as made in ${hub} to avoid the surcharge`,
    [
      ...importers.map((f) => ({ label: 'Importer' as const, id: f, role: 'importer' })),
      ...producers.map((p) => ({ label: 'Supplier' as const, id: p.id, role: 'chinese_producer' })),
      ...(complicit ? [{ label: 'Broker' as const, id: forwarder, role: 'complicit_forwarder' }] : []),
    ],
  );
}
