// Phoenix: a controller's chain of importers; each undervalues, stops paying its deferred duty in
// its last months and closes; the next opens within weeks with the same people, seat or phone.
import * as names from '../names.ts';
import { domesticFirm, person } from '../parties.ts';
import { PERIOD_DAYS, workday, type World } from '../world.ts';
import {
  camouflage,
  camouflageCount,
  dutiableLine,
  dutiableSuppliers,
  lineDepth,
  recordRing,
  ringDepth,
  ringSize,
  type SchemeContext,
} from './common.ts';

/** Each firm lives 2–8 months; the chain is as long as the ring size and the period allow. */
const MAX_CHAIN = 10;

export function plantPhoenix(ctx: SchemeContext): void {
  const { world, rng, pop } = ctx;
  const length = ringSize(ctx, MAX_CHAIN);
  const depth = ringDepth(ctx);
  const controller = person(world, rng);
  const surname = controller.name.split(' ').at(-1);
  let relative: string | null = null;
  const suppliers = rng.sample(dutiableSuppliers(pop), rng.int(1, 4));
  const broker = rng.chance(0.6) ? rng.weighted(pop.brokers.map((b) => [b.id, b.weight] as const)) : null;
  const lifespan = Math.max(45, Math.min(240, Math.floor((PERIOD_DAYS - 60) / length) - 20));
  let day = rng.int(0, Math.max(0, PERIOD_DAYS - length * (lifespan + 25) - 1));
  let name = names.firmName(rng);
  let prev: ReturnType<World['party']> | null = null;
  const firms: string[] = [];
  const id = `M-phoenix-${ctx.index}`;
  for (let k = 0; k < length; k++) {
    const live = rng.int(Math.max(30, Math.round(lifespan * 0.5)), lifespan);
    const open = day;
    const close = Math.min(PERIOD_DAYS - 1, open + live);
    const sameSeat = prev !== null && rng.chance(0.7);
    const samePhone = prev !== null && (!sameSeat || rng.chance(0.5));
    let director = controller.id;
    if (k > 0 && rng.chance(0.3)) director = relative ??= person(world, rng, surname).id;
    const firm = domesticFirm(world, rng, 'importer', {
      name,
      registeredOn: open - rng.int(5, 30),
      closedOn: k === length - 1 && rng.chance(0.3) ? null : close,
      address: sameSeat ? (prev?.address ?? names.address(rng)) : names.address(rng),
      phone: samePhone
        ? (prev?.phone ?? null)
        : names.phoneText(rng, world.admin.phonePrefix, names.phoneDigits(rng)),
      directorIds: [director],
      gaps: false,
    });
    firms.push(firm.id);
    const declarations = rng.int(4, 12);
    const stopPaying = open + Math.round(live * (0.5 + 0.2 * rng.next()));
    for (let d = 0; d < declarations; d++) {
      const when = workday(rng, open, close);
      const s = rng.pick(suppliers);
      const unpaid = when >= stopPaying;
      const undervalue = rng.chance(0.6) ? lineDepth(ctx, depth) : 0;
      const lines = Array.from(
        {
          length: rng.weighted([
            [1, 3],
            [2, 1],
          ]),
        },
        () => ({ ...dutiableLine(ctx, s, 1, undervalue), unpaid }),
      );
      world.declare({
        day: when,
        importerId: firm.id,
        brokerId: broker,
        consigneeId: null,
        supplierId: s.id,
        lines,
        ringId: id,
      });
    }
    camouflage(ctx, firm.id, broker, camouflageCount(ctx, declarations), [open, close]);
    prev = firm;
    name = names.echoName(rng, name);
    day = close + rng.int(0, 42);
  }
  recordRing(
    world,
    'phoenix',
    ctx.index,
    `a chain of ${length} importers run by one controller, each leaving unpaid duty and closing, the next reopening at the same seat or phone`,
    [
      ...firms.map((f) => ({ label: 'Importer' as const, id: f, role: 'phoenix_firm' })),
      { label: 'Person', id: controller.id, role: 'controller' },
      ...(relative ? [{ label: 'Person' as const, id: relative, role: 'relative_director' }] : []),
    ],
  );
}
