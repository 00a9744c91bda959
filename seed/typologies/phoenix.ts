// Phoenix succession: a controller runs a chain of importers; each defers its duty, never pays
// it, and closes; the next opens within weeks at the same seat or phone, with the same broker
// and suppliers. The early months of each firm are paid in full, which is what lets it defer.
import { PERIOD_DAYS } from '../calendar.ts';
import { personName, retype } from '../names.ts';
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
  type Parties,
  type PlantContext,
  type RingDraft,
} from './common.ts';

export function plant(ctx: PlantContext): RingDraft {
  const { rng, world } = ctx;
  const controller = world.registry.add('person', { name: personName(rng), country: 'NL' });
  const chainLength = memberCount(rng, 3, 5, ctx.maxMembers - 1);
  const start = rng.int(0, 120);
  const lifetime = Math.floor(Math.min(rng.int(110, 220), (PERIOD_DAYS - start - 40) / chainLength));
  const brokerId = rng.pick(world.brokers.slice(3));
  const heading = rng.pick(DUTIABLE);
  const suppliers = [lawfulSupplier(ctx, heading), lawfulSupplier(ctx, heading)];
  const firms: Entity[] = [];
  let opens = start;
  for (let i = 0; i < chainLength; i++) {
    const last = i === chainLength - 1;
    const predecessor = firms[i - 1];
    const firm = newFirm(ctx, 'importer', {
      registeredDay: opens,
      closedDay: last ? null : opens + lifetime,
      directorIds: rng.chance(0.5)
        ? [controller.id]
        : [controller.id, world.registry.add('person', { name: personName(rng), country: 'NL' }).id],
    });
    // The successor keeps the seat or the phone (or both): that is how customers still find it.
    if (predecessor) {
      const keep = rng.int(0, 2);
      if (keep !== 1 && predecessor.address) firm.address = retype(rng, predecessor.address);
      if (keep !== 0 && predecessor.phone) firm.phone = retype(rng, predecessor.phone);
    }
    firms.push(firm);
    opens += lifetime + rng.int(-15, 30);
  }
  // Each firm pays in its first half-life and defers (and never pays) in its second.
  const span = (firm: Entity, part: 'paid' | 'unpaid') => {
    const [from, to] = world.registry.window(firm.id);
    const end = Math.min(to, from + lifetime);
    const middle = from + (end - from) / 2;
    return part === 'paid' ? [from, middle] : [middle, end];
  };
  const next = (part: 'paid' | 'unpaid') => () => {
    const firm = rng.pick(firms);
    const [from = 0, to = 0] = span(firm, part);
    const parties: Parties = {
      importerId: firm.id,
      brokerId,
      consigneeId: null,
      supplierId: rng.pick(suppliers),
    };
    return { day: tradingDay(rng, from, to), parties };
  };
  const origin = (p: Parties) => (p.supplierId ? world.registry.get(p.supplierId).country : 'CN');
  return {
    typology: 'phoenix',
    description: `A chain of ${chainLength} importers run by one controller, each closing after about ${lifetime} days with its deferred duty on ${heading.description} unpaid.`,
    members: [
      ...firms.map((f, i) => member(f, i === 0 ? 'first_firm' : 'successor_firm')),
      member(controller, 'controlling_director'),
    ],
    declarations: [
      ...emitLines(ctx, ctx.illicitLines, next('unpaid'), (p) => ({
        heading,
        origin: origin(p),
        noDutyPaid: true,
        illicit: true,
      })),
      ...camouflage(ctx, ctx.illicitLines, next('paid'), () => heading),
    ],
  };
}
