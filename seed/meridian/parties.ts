// Factories for Meridian's parties: domestic firms, foreign suppliers, brokers, consignees and
// people, each with the registry gaps real extracts have.
import type { Rng } from '../../src/model/rng.ts';
import { HEADINGS, TRADING_COUNTRIES, type Heading } from './goods.ts';
import * as names from './names.ts';
import type { Party, PartyKind, World } from './world.ts';

export interface Supplier {
  id: string;
  country: string;
  headings: string[];
  /** A trading house: sells goods made elsewhere. */
  trader: boolean;
}

const digits = (rng: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};

function idFor(world: World, rng: Rng, kind: PartyKind, country: string): string {
  const cc = world.admin.country;
  return world.newId(() => {
    switch (kind) {
      case 'importer':
        return `${cc}${digits(rng, 9)}`;
      case 'consignee':
        return `${cc}C${digits(rng, 8)}`;
      case 'broker':
        return `DCL-${digits(rng, 5)}`;
      case 'supplier':
        return `MID${country}${digits(rng, 7)}`;
      case 'person':
        return `P${digits(rng, 7)}`;
    }
  });
}

export interface FirmOptions {
  name?: names.FirmName;
  registeredOn?: number;
  closedOn?: number | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  bankAccount?: string | null;
  directorIds?: string[];
  /** Lawful registries leave some fields empty; fraudsters fill theirs in. */
  gaps?: boolean;
}

/** A domestic firm (importer, consignee or broker) registered with the administration. */
export function domesticFirm(
  world: World,
  rng: Rng,
  kind: PartyKind,
  o: FirmOptions = {},
): Party & { firmName: names.FirmName } {
  const cc = world.admin.country;
  const firmName = o.name ?? names.firmName(rng);
  const gaps = o.gaps ?? true;
  const gap = (p: number) => gaps && rng.chance(p);
  const party = world.add({
    id: idFor(world, rng, kind, cc),
    kind,
    name: firmName.name,
    country: cc,
    registeredOn: gap(0.05) ? null : (o.registeredOn ?? -rng.int(200, 7000)),
    closedOn: o.closedOn ?? null,
    address: o.address === undefined ? names.address(rng) : o.address,
    phone:
      o.phone === undefined
        ? gap(0.15)
          ? null
          : names.phoneText(rng, world.admin.phonePrefix, names.phoneDigits(rng))
        : o.phone,
    email: o.email === undefined ? (gap(0.25) ? null : names.email(firmName.name, rng)) : o.email,
    bankAccount: o.bankAccount === undefined ? (gap(0.3) ? null : names.bankAccount(rng, cc)) : o.bankAccount,
    directorIds: o.directorIds ?? [],
    inRegistry: true,
    declaredName: rng.chance(0.15) ? names.spellingVariant(rng, firmName.name) : undefined,
  });
  return Object.assign(party, { firmName });
}

export function person(world: World, rng: Rng, family?: string): Party {
  return world.add({
    id: idFor(world, rng, 'person', world.admin.country),
    kind: 'person',
    name: names.personName(rng, family),
    country: rng.chance(0.85) ? world.admin.country : rng.pick(['CN', 'TR', 'IN', 'AE', 'PL']),
    registeredOn: null,
    closedOn: null,
    address: rng.chance(0.4) ? names.address(rng) : null,
    phone: null,
    email: null,
    bankAccount: null,
    directorIds: [],
    inRegistry: true,
  });
}

/** A foreign supplier: a maker in one of the heading's origins, or a trading house. */
export function supplier(
  world: World,
  rng: Rng,
  first: Heading,
  trader: boolean,
  country?: string,
): Supplier {
  const where = country ?? (trader ? rng.pick(TRADING_COUNTRIES) : rng.weighted(first.makers));
  const headings = [first.hs];
  for (let k = rng.int(0, trader ? 4 : 2); k > 0; k--) {
    const h = rng.pick(HEADINGS);
    if (!headings.includes(h.hs) && (trader || h.makers.some(([c]) => c === where))) headings.push(h.hs);
  }
  const fn = names.firmName(rng, true);
  const party = world.add({
    id: idFor(world, rng, 'supplier', where),
    kind: 'supplier',
    name: fn.name,
    country: where,
    registeredOn: null,
    closedOn: null,
    address: rng.chance(0.6) ? `${rng.int(1, 900)} Industrial Zone, ${fn.stem.split(' ')[0] ?? ''}` : null,
    phone: null,
    email: rng.chance(0.3) ? names.email(fn.name, rng) : null,
    bankAccount: null,
    directorIds: [],
    // Some suppliers never reach the registry; declarations alone name them.
    inRegistry: !rng.chance(0.08),
    declaredName: rng.chance(0.2) ? names.spellingVariant(rng, fn.name) : undefined,
  });
  return { id: party.id, country: where, headings, trader };
}

/** The origin of goods of heading `hs` sold by `s`. */
export function originFrom(rng: Rng, s: Supplier, hs: string): string {
  if (!s.trader) return s.country;
  const makers = HEADINGS.find((h) => h.hs === hs)?.makers ?? [['CN', 1] as const];
  return rng.weighted(makers);
}
