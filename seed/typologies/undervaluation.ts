// An undervaluation ring: established importers buying the same dutiable goods from one or two
// complicit foreign suppliers, each declaring a persistent fraction of the true value on their
// invoices, while buying fairly from lawful suppliers too. Their goods go partly to retail hubs.
import { companyName, foreignAddress, personName } from '../names.ts';
import type { Entity } from '../types.ts';
import {
  DUTIABLE,
  camouflage,
  dutiableOrigin,
  emitLines,
  lawfulSupplier,
  member,
  memberCount,
  newFirm,
  tradingDay,
  type PlantContext,
  type RingDraft,
} from './common.ts';

export function plant(ctx: PlantContext): RingDraft {
  const { rng, world } = ctx;
  const heading = rng.pick(DUTIABLE);
  const supplierCount = rng.int(1, 2);
  const suppliers: Entity[] = [];
  for (let i = 0; i < supplierCount; i++) {
    const country = dutiableOrigin(rng, heading);
    suppliers.push(
      world.registry.add('supplier', {
        name: companyName(rng, country),
        country,
        address: foreignAddress(rng, country),
        registeredDay: -rng.int(300, 3000),
      }),
    );
  }
  const importerCount = memberCount(rng, 3, 8, ctx.maxMembers - supplierCount);
  const importers: Entity[] = [];
  const factor = new Map<string, number>();
  for (let i = 0; i < importerCount; i++) {
    const firm = newFirm(ctx, 'importer', {
      registeredDay: -rng.int(200, 4000),
      directorIds: [world.registry.add('person', { name: personName(rng), country: 'NL' }).id],
    });
    importers.push(firm);
    factor.set(firm.id, 0.3 + rng.next() * 0.25);
  }
  const consignee = () => (rng.chance(0.5) ? rng.pick(world.consigneeHubs) : null);
  const next = (complicit: boolean) => () => {
    const firm = rng.pick(importers);
    return {
      day: tradingDay(rng, 0, 731),
      parties: {
        importerId: firm.id,
        brokerId: rng.pick(world.bigBrokers),
        consigneeId: consignee(),
        supplierId: complicit ? rng.pick(suppliers).id : lawfulSupplier(ctx, heading),
      },
    };
  };
  return {
    typology: 'undervaluation',
    description: `${importerCount} importers declaring ${heading.description} from ${supplierCount} complicit supplier(s) at 30–55% of value.`,
    members: [
      ...importers.map((f) => member(f, 'importer')),
      ...suppliers.map((s) => member(s, 'complicit_supplier')),
    ],
    declarations: [
      ...emitLines(ctx, ctx.illicitLines, next(true), (p) => ({
        heading,
        origin: world.registry.get(p.supplierId ?? '').country,
        valueFactor: (factor.get(p.importerId) ?? 0.5) * (0.9 + rng.next() * 0.2),
        illicit: true,
      })),
      ...camouflage(ctx, Math.round(ctx.illicitLines * 0.6), next(false), () => heading),
    ],
  };
}
