// Broker-centred: a small customs broker misclassifies and undervalues for clients who share
// nothing else, while declaring honestly for its lawful clients.
import { MISCLASSIFIABLE } from '../goods.ts';
import { domesticFirm, originFrom, supplier } from '../parties.ts';
import { PERIOD_DAYS, workday, type LineSpec } from '../world.ts';
import {
  camouflage,
  camouflageCount,
  lineDepth,
  recordRing,
  ringDepth,
  ringSize,
  type SchemeContext,
} from './common.ts';

export function plantBrokerCentred(ctx: SchemeContext): void {
  const { world, rng, pop } = ctx;
  const size = ringSize(ctx);
  const depth = ringDepth(ctx);
  const broker = domesticFirm(world, rng, 'broker', { registeredOn: -rng.int(200, 3000) });
  const lawfulShare = 0.3 + 0.3 * rng.next();
  const lawfulClients = Math.round((size * lawfulShare) / (1 - lawfulShare));
  for (const habit of rng.sample(pop.habits, lawfulClients)) habit.brokerId = broker.id;
  const goods = rng.sample(MISCLASSIFIABLE, rng.int(1, MISCLASSIFIABLE.length));
  const suppliers = goods.map((h) => supplier(world, rng, h, rng.chance(0.3)));
  const clients: string[] = [];
  const id = `M-broker_centred-${ctx.index}`;
  for (let i = 0; i < size; i++) {
    const client = domesticFirm(world, rng, 'importer', { registeredOn: -rng.int(20, 1500) });
    clients.push(client.id);
    const from = rng.int(0, PERIOD_DAYS - 200);
    const to = Math.min(PERIOD_DAYS - 1, from + rng.int(150, 600));
    const declarations = rng.int(3, 10);
    for (let d = 0; d < declarations; d++) {
      const k = rng.int(0, goods.length - 1);
      const h = goods[k]!;
      const s = suppliers[k]!;
      const lines: LineSpec[] = Array.from(
        {
          length: rng.weighted([
            [1, 3],
            [2, 1],
          ]),
        },
        () => {
          const unitUsd = h.unitUsd * rng.logNormal(1, 0.2);
          const misclassify = rng.chance(0.75);
          return {
            hs: h.hs,
            declaredHs: misclassify ? h.misclassifyAs : undefined,
            origin: originFrom(rng, s, h.hs),
            quantity: Math.max(1, Math.round(rng.logNormal(9000, 0.8) / unitUsd)),
            unitUsd,
            undervalue: !misclassify || rng.chance(0.4) ? lineDepth(ctx, depth) : 0,
          };
        },
      );
      world.declare({
        day: workday(rng, from, to),
        importerId: client.id,
        brokerId: broker.id,
        consigneeId: null,
        supplierId: s.id,
        lines,
        ringId: id,
      });
    }
    camouflage(ctx, client.id, broker.id, camouflageCount(ctx, declarations), [from, to]);
  }
  recordRing(
    world,
    'broker_centred',
    ctx.index,
    `a broker misclassifying (${goods.map((g) => g.description).join(', ')}) and undervaluing for ${size} clients, with ${lawfulClients} lawful clients besides`,
    [
      { label: 'Broker', id: broker.id, role: 'complicit_broker' },
      ...clients.map((c) => ({ label: 'Importer' as const, id: c, role: 'client_importer' })),
    ],
  );
}
