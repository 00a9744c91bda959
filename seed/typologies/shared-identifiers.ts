// Shell importers behind shared identifiers: recently registered firms with nominee directors,
// one residential address, phone or bank account between them, undervaluing dutiable goods.
// Some register at a business-centre address, so the shared seat alone does not give them away.
import { PERIOD_DAYS } from '../calendar.ts';
import { bankAccount, personName, phoneNumber, retype, streetAddress } from '../names.ts';
import type { Entity } from '../types.ts';
import {
  DUTIABLE,
  camouflage,
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
  const nominees = Array.from({ length: rng.int(1, 2) }, () =>
    world.registry.add('person', { name: personName(rng), country: 'NL' }),
  );
  const firmCount = memberCount(rng, 3, 12, ctx.maxMembers - nominees.length);
  const shared = rng.sample(['address', 'phone', 'bankAccount'] as const, rng.int(2, 3));
  const seat = streetAddress(rng, 'NL');
  const phone = phoneNumber(rng, 'NL');
  const account = bankAccount(rng, 'NL');
  const start = rng.int(0, PERIOD_DAYS - 330);
  const firms: Entity[] = [];
  for (let i = 0; i < firmCount; i++) {
    const registeredDay = start + rng.int(0, 60);
    const firm = newFirm(ctx, 'importer', {
      country: 'NL',
      registeredDay,
      closedDay: rng.chance(0.4) ? registeredDay + rng.int(240, 330) : null,
      directorIds: [rng.pick(nominees).id],
    });
    if (shared.includes('address'))
      firm.address = rng.chance(0.25) ? retype(rng, rng.pick(world.businessCentres)) : retype(rng, seat);
    if (shared.includes('phone')) firm.phone = retype(rng, phone);
    if (shared.includes('bankAccount')) firm.bankAccount = retype(rng, account);
    firms.push(firm);
  }
  const heading = rng.pick(DUTIABLE);
  const supplierId = lawfulSupplier(ctx, heading);
  const valueFactor = 0.35 + rng.next() * 0.25;
  const next = () => {
    const firm = rng.pick(firms);
    const [from, to] = world.registry.window(firm.id);
    return {
      day: tradingDay(rng, from, Math.min(to, from + 330)),
      parties: { importerId: firm.id, brokerId: rng.pick(world.bigBrokers), consigneeId: null, supplierId },
    };
  };
  const origin = world.registry.get(supplierId).country;
  return {
    typology: 'shared_identifiers',
    description: `${firmCount} shell importers sharing ${shared.join(', ')} and ${nominees.length} nominee director(s), declaring ${heading.description} at about ${Math.round(valueFactor * 100)}% of value.`,
    members: [
      ...firms.map((f) => member(f, 'shell_importer')),
      ...nominees.map((p) => member(p, 'nominee_director')),
    ],
    declarations: [
      ...emitLines(ctx, ctx.illicitLines, next, () => ({
        heading,
        origin,
        valueFactor: valueFactor * (0.9 + rng.next() * 0.2),
        illicit: true,
      })),
      ...camouflage(ctx, Math.round(ctx.illicitLines * 0.4), next, () => heading),
    ],
  };
}
