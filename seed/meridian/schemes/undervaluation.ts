// Undervaluation: established importers buying from complicit suppliers on second, low invoices,
// all delivering to one distributor; they share suppliers and that consignee, nothing else.
import { domesticFirm, supplier } from '../parties.ts';
import { PERIOD_DAYS, workday } from '../world.ts';
import {
  DUTIABLE,
  camouflage,
  camouflageCount,
  dutiableLine,
  lineDepth,
  recordRing,
  ringDepth,
  ringSize,
  type SchemeContext,
} from './common.ts';

export function plantUndervaluation(ctx: SchemeContext): void {
  const { world, rng, pop } = ctx;
  const size = ringSize(ctx);
  const depth = ringDepth(ctx);
  const goods = rng.pick(DUTIABLE);
  const suppliers = Array.from({ length: rng.int(1, 3) }, () => supplier(world, rng, goods, rng.chance(0.3)));
  const distributor = domesticFirm(world, rng, 'consignee', { registeredOn: -rng.int(300, 4000) });
  const importers: string[] = [];
  const id = `M-undervaluation-${ctx.index}`;
  for (let i = 0; i < size; i++) {
    const firm = domesticFirm(world, rng, 'importer', { registeredOn: -rng.int(700, 6000) });
    importers.push(firm.id);
    const broker = rng.chance(0.3) ? null : rng.weighted(pop.brokers.map((b) => [b.id, b.weight] as const));
    const from = rng.int(0, 300);
    const to = rng.int(PERIOD_DAYS - 300, PERIOD_DAYS - 1);
    const declarations = rng.int(3, 12);
    for (let d = 0; d < declarations; d++) {
      const s = rng.pick(suppliers);
      const lines = Array.from(
        {
          length: rng.weighted([
            [1, 3],
            [2, 1],
          ]),
        },
        () => dutiableLine(ctx, s, 1, lineDepth(ctx, depth)),
      );
      world.declare({
        day: workday(rng, from, to),
        importerId: firm.id,
        brokerId: broker,
        consigneeId: rng.chance(0.9) ? distributor.id : null,
        supplierId: s.id,
        lines,
        ringId: id,
      });
    }
    camouflage(ctx, firm.id, broker, camouflageCount(ctx, declarations), [from, to]);
  }
  recordRing(
    world,
    'undervaluation',
    ctx.index,
    `${size} importers declaring about ${Math.round((1 - depth) * 100)}% of the value of ${goods.description} on complicit suppliers' low invoices, delivering to one distributor`,
    [
      ...importers.map((f) => ({ label: 'Importer' as const, id: f, role: 'undervaluing_importer' })),
      ...suppliers.map((s) => ({ label: 'Supplier' as const, id: s.id, role: 'double_invoicing_supplier' })),
      { label: 'Consignee', id: distributor.id, role: 'organising_distributor' },
    ],
  );
}
