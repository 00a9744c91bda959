// Origin misdeclaration by transshipment: importers buy goods under anti-dumping duty from a
// Chinese producer, first declared honestly; then the same goods come through a trading firm in
// a third country and are declared as originating there, without the surcharge.
import { PERIOD_DAYS } from '../calendar.ts';
import { SURCHARGED_HEADINGS, TRANSSHIPMENT_COUNTRIES } from '../catalogue.ts';
import { companyName, foreignAddress, personName } from '../names.ts';
import type { Entity } from '../types.ts';
import {
  camouflage,
  emitLines,
  member,
  memberCount,
  newFirm,
  tradingDay,
  type PlantContext,
  type RingDraft,
} from './common.ts';

export function plant(ctx: PlantContext): RingDraft {
  const { rng, world } = ctx;
  const heading = rng.pick(SURCHARGED_HEADINGS);
  const supplier = (country: string): Entity =>
    world.registry.add('supplier', {
      name: companyName(rng, country),
      country,
      address: foreignAddress(rng, country),
      registeredDay: -rng.int(200, 3000),
    });
  const producer = supplier('CN');
  const transshippers = rng.sample(TRANSSHIPMENT_COUNTRIES, rng.int(1, 2)).map(supplier);
  const importerCount = memberCount(rng, 3, 8, ctx.maxMembers - 1 - transshippers.length);
  const importers = Array.from({ length: importerCount }, () =>
    newFirm(ctx, 'importer', {
      registeredDay: -rng.int(100, 3000),
      directorIds: [world.registry.add('person', { name: personName(rng), country: 'NL' }).id],
    }),
  );
  const switchDay = rng.int(90, PERIOD_DAYS - 300);
  const brokerId = rng.pick(world.brokers);
  const next = (rerouted: boolean) => () => ({
    day: rerouted ? tradingDay(rng, switchDay, PERIOD_DAYS) : tradingDay(rng, 0, switchDay),
    parties: {
      importerId: rng.pick(importers).id,
      brokerId,
      consigneeId: null,
      supplierId: rerouted ? rng.pick(transshippers).id : producer.id,
    },
  });
  return {
    typology: 'origin_misdeclaration',
    description: `${importerCount} importers of ${heading.description} switching from a Chinese producer to transshipment via ${transshippers.map((t) => t.country).join(', ')} and declaring that origin to avoid the surcharge.`,
    members: [
      ...importers.map((f) => member(f, 'importer')),
      member(producer, 'origin_supplier'),
      ...transshippers.map((t) => member(t, 'transshipment_supplier')),
    ],
    declarations: [
      ...emitLines(ctx, ctx.illicitLines, next(true), (p) => {
        const via = world.registry.get(p.supplierId ?? '').country;
        return { heading, origin: 'CN', declaredOrigin: via, departure: via, illicit: true };
      }),
      ...camouflage(ctx, Math.round(ctx.illicitLines * 0.5), next(false), () => heading),
    ],
  };
}
