// What every planted typology shares: the context it plants into, the draft it returns, and
// the building blocks (trading days, new firms with their own identifiers, camouflage trade).
import { HEADINGS, OFFICES, PREFERENCE, type Heading } from '../catalogue.ts';
import { PERIOD_DAYS, isWeekend } from '../calendar.ts';
import { goodsLine, type LineSpec } from '../lines.ts';
import { bankAccount, companyName, emailFor, foreignAddress, phoneNumber, streetAddress } from '../names.ts';
import type { NewEntity } from '../registry.ts';
import type { Rng } from '../../src/model/rng.ts';
import type { PlantedTypology, TruthMember } from '../../src/eval/truth.ts';
import type { DeclarationDraft, Entity, EntityKind } from '../types.ts';
import type { World } from '../world.ts';

export interface PlantContext {
  rng: Rng;
  world: World;
  ringId: string;
  /** Exactly this many illicit lines must be planted. */
  illicitLines: number;
  /** Members at most (firms and people together). */
  maxMembers: number;
}

export interface RingDraft {
  typology: PlantedTypology;
  description: string;
  members: TruthMember[];
  /** Illicit and camouflage declarations of the ring's members. */
  declarations: DeclarationDraft[];
}

/** Headings with enough duty that evading it pays. */
export const DUTIABLE: readonly Heading[] = HEADINGS.filter((h) => h.dutyRate >= 0.06 && h.dutyRate < 0.5);

/** A member count uniform in [min, min(max, cap)] (min when the cap is below it). */
export function memberCount(rng: Rng, min: number, max: number, cap: number): number {
  return rng.int(min, Math.max(min, Math.min(max, cap)));
}

/** A weekday in [from, to) (clamped to the period). */
export function tradingDay(rng: Rng, from: number, to: number): number {
  const lo = Math.max(0, Math.floor(from));
  const hi = Math.min(PERIOD_DAYS, Math.ceil(to)) - 1;
  let day = rng.int(lo, Math.max(lo, hi));
  for (let i = 0; i < 5 && isWeekend(day); i++) day = Math.min(hi, day + 1);
  return day;
}

/** A firm of the scheme with its own (unshared) contact details; callers overwrite what it shares. */
export function newFirm(
  ctx: PlantContext,
  kind: EntityKind,
  fields: Partial<NewEntity> & { country?: string },
): Entity {
  const { rng } = ctx;
  const country = fields.country ?? rng.pick(['NL', 'NL', 'BE', 'DE']);
  const name = fields.name ?? companyName(rng, country);
  return ctx.world.registry.add(kind, {
    name,
    country,
    address: streetAddress(rng, country),
    phone: phoneNumber(rng, country),
    email: emailFor(rng, name, country),
    bankAccount: bankAccount(rng, country),
    ...fields,
  });
}

/** The parties of a declaration, as the draft names them. */
export type Parties = Pick<DeclarationDraft, 'importerId' | 'brokerId' | 'consigneeId' | 'supplierId'>;

export function declaration(
  ctx: PlantContext,
  day: number,
  parties: Parties,
  lines: DeclarationDraft['lines'],
): DeclarationDraft {
  return { day, office: ctx.rng.weighted(OFFICES), ringId: ctx.ringId, ...parties, lines };
}

/**
 * Emits exactly `count` lines in declarations of one to three lines, asking `next` for the
 * parties and day of each declaration and `line` for each line.
 */
export function emitLines(
  ctx: PlantContext,
  count: number,
  next: () => { day: number; parties: Parties; maxLines?: number },
  line: (parties: Parties) => LineSpec,
): DeclarationDraft[] {
  const out: DeclarationDraft[] = [];
  let left = count;
  while (left > 0) {
    const { day, parties, maxLines = 3 } = next();
    const n = Math.min(left, ctx.rng.int(1, maxLines));
    const lines = Array.from({ length: n }, () => goodsLine(ctx.rng, line(parties)));
    out.push(declaration(ctx, day, parties, lines));
    left -= n;
  }
  return out;
}

/** Lawful-looking trade of ring members, at fair value with duty paid, to blend in. */
export function camouflage(
  ctx: PlantContext,
  count: number,
  next: () => { day: number; parties: Parties },
  heading: () => Heading,
): DeclarationDraft[] {
  return emitLines(ctx, count, next, (parties) => {
    const h = heading();
    const origin = parties.supplierId
      ? ctx.world.registry.get(parties.supplierId).country
      : ctx.rng.weighted(h.origins);
    return { heading: h, origin };
  });
}

/** A lawful supplier of the heading (not part of the scheme) in a country whose goods pay at
 * least half the conventional duty, so that evading it pays. */
export function lawfulSupplier(ctx: PlantContext, heading: Heading): string {
  const all = ctx.world.suppliersByHeading.get(heading.heading) ?? [];
  const dutiable = all.filter((id) => (PREFERENCE[ctx.world.registry.get(id).country] ?? 1) >= 0.5);
  if (dutiable.length > 0) return ctx.rng.pick(dutiable);
  // A small world may have none: add one to the heading's lawful suppliers.
  const country = dutiableOrigin(ctx.rng, heading);
  const supplier = ctx.world.registry.add('supplier', {
    name: companyName(ctx.rng, country),
    country,
    address: foreignAddress(ctx.rng, country),
    registeredDay: -ctx.rng.int(400, 4000),
  });
  all.push(supplier.id);
  return supplier.id;
}

/** An origin of the heading without a deep preference (see lawfulSupplier). */
export function dutiableOrigin(rng: Rng, heading: Heading): string {
  const origins = heading.origins.filter(([country]) => (PREFERENCE[country] ?? 1) >= 0.5);
  return rng.weighted(origins.length > 0 ? origins : heading.origins);
}

export function member(entity: Entity, role: string): TruthMember {
  const label = {
    importer: 'Importer',
    consignee: 'Consignee',
    broker: 'Broker',
    supplier: 'Supplier',
    person: 'Person',
  } as const;
  return { label: label[entity.kind], id: entity.id, role };
}
