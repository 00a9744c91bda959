// Shared identifiers: an organiser's front importers with nominee directors, reusing a small
// pool of phones, addresses, bank accounts and nominees, each front linked to the one before it.
import * as names from '../names.ts';
import { domesticFirm, person, type Supplier } from '../parties.ts';
import { PERIOD_DAYS, workday } from '../world.ts';
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

type Kind = 'phone' | 'address' | 'bankAccount' | 'director';
const KINDS: readonly Kind[] = ['phone', 'address', 'bankAccount', 'director'];

interface Pool {
  phone: string[];
  address: string[];
  bankAccount: string[];
  director: string[];
}

export function plantSharedIdentifiers(ctx: SchemeContext): void {
  const { world, rng, pop } = ctx;
  const size = ringSize(ctx);
  const pool: Pool = {
    phone: Array.from({ length: rng.int(1, 3) }, () => names.phoneDigits(rng)),
    address: Array.from({ length: rng.int(1, 2) }, () =>
      rng.chance(0.5) ? names.businessCentre(rng) : names.address(rng),
    ),
    bankAccount: Array.from({ length: rng.int(1, 2) }, () => names.bankAccount(rng, world.admin.country)),
    director: Array.from({ length: rng.int(1, 3) }, () => person(world, rng).id),
  };
  const base = names.firmName(rng);
  const depth = ringDepth(ctx);
  const suppliers = rng.sample(dutiableSuppliers(pop), rng.int(2, 5));
  const start = rng.int(30, PERIOD_DAYS - 240);
  const fronts: string[] = [];
  const usedDirectors = new Set<string>();
  let previous: Partial<Record<Kind, string>> = {};
  for (let i = 0; i < size; i++) {
    const mine: Partial<Record<Kind, string>> = {};
    const linkKinds = KINDS.filter((k) => previous[k] !== undefined);
    if (linkKinds.length > 0) {
      const link = rng.pick(linkKinds);
      mine[link] = previous[link];
    }
    for (const k of KINDS)
      if (mine[k] === undefined && (k === 'director' || rng.chance(0.45))) mine[k] = rng.pick(pool[k]);
    const registered = start + i * rng.int(3, 25) - rng.int(0, 120);
    const firstImport = registered + rng.int(5, 120);
    const lastImport = Math.min(PERIOD_DAYS - 1, firstImport + rng.int(120, 420));
    const front = domesticFirm(world, rng, 'importer', {
      name: i === 0 ? base : names.echoName(rng, base),
      registeredOn: registered,
      gaps: false,
      phone: mine.phone ? names.phoneText(rng, world.admin.phonePrefix, mine.phone) : null,
      address: mine.address
        ? mine.address !== previous.address && rng.chance(0.25)
          ? names.addressVariant(rng, mine.address)
          : mine.address
        : names.address(rng),
      bankAccount: mine.bankAccount ?? null,
      email: rng.chance(0.5) ? names.email(base.name, rng) : null,
      directorIds: mine.director ? [mine.director] : [],
    });
    if (mine.director) usedDirectors.add(mine.director);
    fronts.push(front.id);
    previous = mine;
    frontTrade(ctx, front.id, suppliers, depth, [firstImport, lastImport]);
  }
  recordRing(
    world,
    'shared_identifiers',
    ctx.index,
    `${size} front importers sharing an organiser's phones, seats, accounts and nominee directors, undervaluing by about ${Math.round(depth * 100)}%`,
    [
      ...fronts.map((id) => ({ label: 'Importer' as const, id, role: 'front_importer' })),
      ...[...usedDirectors].map((id) => ({ label: 'Person' as const, id, role: 'nominee_director' })),
    ],
  );
}

/** A front's declarations: undervalued buys from the organiser's suppliers, and camouflage. */
function frontTrade(
  ctx: SchemeContext,
  frontId: string,
  suppliers: Supplier[],
  depth: number,
  window: [number, number],
): void {
  const { world, rng, pop } = ctx;
  const broker = rng.chance(0.5) ? (rng.pick(pop.brokers.slice(0, 3))?.id ?? null) : null;
  const declarations = rng.int(3, 10);
  for (let d = 0; d < declarations; d++) {
    const s = rng.pick(suppliers);
    world.declare({
      day: workday(rng, window[0], window[1]),
      importerId: frontId,
      brokerId: broker,
      consigneeId: null,
      supplierId: s.id,
      lines: Array.from({ length: rng.int(1, 2) }, () => dutiableLine(ctx, s, 1, lineDepth(ctx, depth))),
      ringId: `M-shared_identifiers-${ctx.index}`,
    });
  }
  camouflage(ctx, frontId, broker, camouflageCount(ctx, declarations), window);
}
