// A broker-centred ring: a small customs broker whose clients are young firms, some sharing a
// seat, all declaring through it; goods are misclassified under a duty-free heading or
// undervalued. The broker also files their fair declarations, so its book looks mixed.
import { PERIOD_DAYS } from '../calendar.ts';
import { headingByCode } from '../catalogue.ts';
import { companyName, personName, retype } from '../names.ts';
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

const MONITORS = headingByCode('8528');
const COMPUTERS = headingByCode('8471');

export function plant(ctx: PlantContext): RingDraft {
  const { rng, world } = ctx;
  const owner = world.registry.add('person', { name: personName(rng), country: 'NL' });
  const broker = newFirm(ctx, 'broker', {
    name: `${companyName(rng, 'NL').split(' ')[0] ?? 'Delta'} Douane Services B.V.`,
    country: 'NL',
    registeredDay: -rng.int(100, 900),
    directorIds: [owner.id],
  });
  const clientCount = memberCount(rng, 4, 35, ctx.maxMembers - 1);
  const clients: Entity[] = [];
  for (let i = 0; i < clientCount; i++) {
    const registeredDay = rng.int(0, PERIOD_DAYS - 240);
    const client = newFirm(ctx, 'importer', {
      registeredDay,
      directorIds: [world.registry.add('person', { name: personName(rng), country: 'NL' }).id],
    });
    // Pairs of clients share a seat: the broker sets firms up at the same few addresses.
    const partner = clients.length > 0 && rng.chance(0.35) ? rng.pick(clients) : null;
    if (partner?.address) client.address = retype(rng, partner.address);
    clients.push(client);
  }
  const apparel = rng.pick(DUTIABLE);
  const next = () => {
    const client = rng.pick(clients);
    const [from, to] = world.registry.window(client.id);
    return {
      day: tradingDay(rng, from, to),
      parties: { importerId: client.id, brokerId: broker.id, consigneeId: null, supplierId: null },
    };
  };
  const withSupplier = (heading: typeof apparel) => () => {
    const n = next();
    return { ...n, parties: { ...n.parties, supplierId: lawfulSupplier(ctx, heading) } };
  };
  const misclassified = Math.round(ctx.illicitLines / 2);
  const origin = (supplierId: string | null) => (supplierId ? world.registry.get(supplierId).country : 'CN');
  return {
    typology: 'broker_centred',
    description: `Broker ${broker.name} and ${clientCount} young client importers: monitors declared as computers (14% → 0%) and ${apparel.description} undervalued.`,
    members: [member(broker, 'complicit_broker'), ...clients.map((c) => member(c, 'client_importer'))],
    declarations: [
      ...emitLines(ctx, misclassified, withSupplier(MONITORS), (p) => ({
        heading: MONITORS,
        origin: origin(p.supplierId),
        declaredHeading: COMPUTERS,
        illicit: true,
      })),
      ...emitLines(ctx, ctx.illicitLines - misclassified, withSupplier(apparel), (p) => ({
        heading: apparel,
        origin: origin(p.supplierId),
        valueFactor: 0.4 + rng.next() * 0.2,
        illicit: true,
      })),
      ...camouflage(ctx, Math.round(ctx.illicitLines * 0.5), withSupplier(apparel), () => apparel),
    ],
  };
}
