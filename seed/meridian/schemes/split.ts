// Split shipments: an online seller's consignments for one consignee split into parcels below
// the de-minimis under several front importers of record, in bursts of a few days.
import { PARCEL_GOODS } from '../goods.ts';
import { domesticFirm, supplier } from '../parties.ts';
import { PERIOD_DAYS } from '../world.ts';
import { camouflage, camouflageCount, recordRing, ringSize, type SchemeContext } from './common.ts';

const DUTIABLE_PARCELS = PARCEL_GOODS.filter((h) => h.rate > 0);

export function plantSplitShipments(ctx: SchemeContext): void {
  const { world, rng } = ctx;
  const size = ringSize(ctx);
  const goods = rng.sample(DUTIABLE_PARCELS, rng.int(1, 3));
  const sellers = Array.from({ length: rng.int(1, 3) }, () =>
    supplier(world, rng, rng.pick(goods), rng.chance(0.5), rng.pick(['CN', 'HK'])),
  );
  const consignee = domesticFirm(world, rng, 'consignee', { registeredOn: -rng.int(30, 1500) });
  const fronts = Array.from(
    { length: size },
    () => domesticFirm(world, rng, 'importer', { registeredOn: -rng.int(10, 900) }).id,
  );
  const id = `M-split_shipments-${ctx.index}`;
  const perFront = new Map<string, number>();
  const { deMinimis, perUsd } = world.admin;
  for (let b = rng.int(6, 20); b > 0; b--) {
    const start = rng.int(0, PERIOD_DAYS - 5);
    const span = rng.int(1, 4);
    const parcels = rng.int(Math.max(3, Math.min(size, 25)), 25);
    const offset = rng.int(0, size - 1);
    for (let p = 0; p < parcels; p++) {
      const front = fronts[(p + offset) % size]!;
      const h = rng.pick(goods);
      const valueUsd = (deMinimis * (0.5 + 0.49 * rng.next())) / perUsd;
      const quantity = Math.max(1, Math.floor(valueUsd / (h.unitUsd * rng.logNormal(1, 0.2))));
      world.declare({
        day: start + rng.int(0, span - 1),
        importerId: front,
        brokerId: null,
        consigneeId: consignee.id,
        supplierId: rng.pick(sellers).id,
        lines: [{ hs: h.hs, origin: 'CN', quantity, unitUsd: valueUsd / quantity, dutiableWhole: true }],
        ringId: id,
      });
      perFront.set(front, (perFront.get(front) ?? 0) + 1);
    }
  }
  for (const front of fronts)
    camouflage(ctx, front, null, camouflageCount(ctx, Math.ceil((perFront.get(front) ?? 0) / 4)), [
      0,
      PERIOD_DAYS - 1,
    ]);
  recordRing(
    world,
    'split_shipments',
    ctx.index,
    `consignments for one consignee split into parcels under ${deMinimis} ${world.admin.currency} across ${size} importers of record`,
    [
      ...fronts.map((f) => ({ label: 'Importer' as const, id: f, role: 'front_importer_of_record' })),
      { label: 'Consignee', id: consignee.id, role: 'real_buyer' },
      ...sellers.map((s) => ({ label: 'Supplier' as const, id: s.id, role: 'online_seller' })),
    ],
  );
}
