// Lawful look-alikes of the planted schemes, which detectors must not flag: business-centre
// seats shared by dozens of firms, family groups with one director, firms that close and reopen
// lawfully, discount traders with low unit values, and e-commerce platforms whose consignments
// are all below the de-minimis value. Each is listed in truth.json under lookAlikes.
import { PERIOD_DAYS } from './calendar.ts';
import {
  bankAccount,
  companyName,
  familyCompanyName,
  familyName,
  personName,
  phoneNumber,
  retype,
  streetAddress,
} from './names.ts';
import type { Registry } from './registry.ts';
import type { Rng } from '../src/model/rng.ts';
import type { SizePlan } from './sizes.ts';
import type { LookAlike } from '../src/eval/truth.ts';
import type { Entity } from './types.ts';
import type { ImporterProfile } from './world.ts';

/** Registered-agent and business-centre addresses, each the seat of dozens of unrelated firms. */
export function plantBusinessCentres(
  rng: Rng,
  registry: Registry,
  firms: Entity[],
  consignees: string[],
  plan: SizePlan,
  lookAlikes: LookAlike[],
): string[] {
  const centres: string[] = [];
  const count = Math.max(2, Math.round(plan.importers / 250));
  // Each firm is the tenant of one centre at most: tenants are taken in turn from one shuffle.
  const pool = rng.sample(firms, firms.length);
  for (let i = 0; i < count; i++) {
    const address = `${rng.pick(['World Trade Center', 'Business Centre', 'Regus Office Park', 'Trade Tower'])} ${rng.int(1, 30)}, ${streetAddress(rng, 'NL')}`;
    const agentPhone = phoneNumber(rng, 'NL');
    centres.push(address);
    const tenants = pool.splice(0, Math.min(rng.int(20, 60), Math.floor(firms.length / (count + 1))));
    let agentPhoneShared = false;
    for (const t of tenants) {
      t.address = retype(rng, address);
      if (rng.chance(0.4)) {
        t.phone = retype(rng, agentPhone);
        agentPhoneShared = true;
      }
    }
    const hubConsignees = rng.sample(consignees, rng.int(0, 4)).map((id) => registry.get(id));
    for (const c of hubConsignees) c.address = retype(rng, address);
    lookAlikes.push({
      kind: 'business_centre',
      description: `Business-centre address shared by ${tenants.length + hubConsignees.length} unrelated firms${agentPhoneShared ? ", some with the registered agent's phone" : ''}.`,
      members: [
        ...tenants.map((t) => ({ label: 'Importer' as const, id: t.id })),
        ...hubConsignees.map((c) => ({ label: 'Consignee' as const, id: c.id })),
      ],
    });
  }
  return centres;
}

/** Family groups: several lawful firms with one director in common, named after the family. */
export function plantFamilyGroups(
  rng: Rng,
  registry: Registry,
  firms: Entity[],
  plan: SizePlan,
  lookAlikes: LookAlike[],
): void {
  const count = Math.max(2, Math.round(plan.importers / 80));
  const pool = rng.sample(firms, firms.length);
  for (let i = 0; i < count && pool.length >= 3; i++) {
    const family = familyName(rng);
    const head = registry.add('person', { name: personName(rng, family), country: 'NL' });
    const members = pool.splice(0, rng.int(3, 5));
    for (const firm of members) {
      firm.name = familyCompanyName(rng, family, firm.country);
      firm.directorIds = [head.id, ...firm.directorIds.slice(0, 1)];
    }
    lookAlikes.push({
      kind: 'family_group',
      description: `${members.length} family firms of the ${family} family with one director in common.`,
      members: [
        { label: 'Person', id: head.id },
        ...members.map((m) => ({ label: 'Importer' as const, id: m.id })),
      ],
    });
  }
}

/** Firms that close and reopen lawfully (restructuring, change of legal form): same people and
 * seat, duty paid throughout — the look-alike of a phoenix. */
export function plantLawfulReopenings(
  rng: Rng,
  registry: Registry,
  importers: ImporterProfile[],
  volumes: number[],
  plan: SizePlan,
  lookAlikes: LookAlike[],
): void {
  const count = Math.max(2, Math.round(plan.importers / 200));
  for (let i = 0; i < count; i++) {
    const index = rng.int(0, importers.length - 1);
    const old = importers[index];
    if (!old) continue;
    const before = registry.get(old.id);
    if (before.closedOn !== null || (before.registeredOn ?? '') >= '2024-01-01') continue;
    const closedDay = rng.int(150, PERIOD_DAYS - 150);
    const successor = registry.add('importer', {
      name: `${before.name.split(' ')[0] ?? 'New'} ${rng.pick(['Group', 'Holding', 'Trading'])} ${before.country === 'DE' ? 'GmbH' : 'B.V.'}`,
      country: before.country,
      registeredDay: closedDay + rng.int(-20, 60),
      address: before.address,
      phone: before.phone,
      email: null,
      bankAccount: bankAccount(rng, before.country),
      directorIds: before.directorIds.slice(),
    });
    registry.close(before.id, closedDay);
    importers.push({ ...old, id: successor.id });
    volumes.push(volumes[index] ?? 1);
    lookAlikes.push({
      kind: 'lawful_reopening',
      description:
        'A firm closed and reopened under a new name with the same director and seat; duty paid throughout.',
      members: [
        { label: 'Importer', id: before.id },
        { label: 'Importer', id: successor.id },
      ],
    });
  }
}

/** Stock-lot and second-quality traders: lawful unit values well below the market's. */
export function plantDiscountImporters(
  rng: Rng,
  importers: ImporterProfile[],
  lookAlikes: LookAlike[],
): void {
  const chosen = rng.sample(importers, Math.max(2, Math.round(importers.length * 0.03)));
  for (const profile of chosen) profile.priceLevel = 0.5 + rng.next() * 0.2;
  lookAlikes.push({
    kind: 'discount_importer',
    description:
      'Importers of stock lots and second-quality goods: unit values 50–70% of the market, declared truthfully.',
    members: chosen.map((p) => ({ label: 'Importer', id: p.id })),
  });
}

/** E-commerce platforms: many single low-value consignments, duty-free below the de-minimis
 * value, to many different consignees — the lawful look-alike of split shipments. */
export function plantLowValuePlatforms(
  rng: Rng,
  registry: Registry,
  importers: ImporterProfile[],
  volumes: number[],
  consignees: string[],
  lookAlikes: LookAlike[],
): void {
  const count = Math.max(1, Math.round(importers.length / 600));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const template = rng.pick(importers);
    const name = `${companyName(rng, 'NL').split(' ')[0] ?? 'Shop'} Marketplace B.V.`;
    const platform = registry.add('importer', {
      name,
      country: 'NL',
      registeredDay: -rng.int(300, 3000),
      address: streetAddress(rng, 'NL'),
      phone: phoneNumber(rng, 'NL'),
      bankAccount: bankAccount(rng, 'NL'),
    });
    importers.push({
      ...template,
      id: platform.id,
      consignees: rng.sample(consignees, Math.min(consignees.length, 200)),
      lowValue: true,
      brokerId: null,
    });
    volumes.push(60 + rng.next() * 60);
    ids.push(platform.id);
  }
  lookAlikes.push({
    kind: 'low_value_platform',
    description:
      'E-commerce platforms declaring single consignments below the de-minimis value to many consignees.',
    members: ids.map((id) => ({ label: 'Importer', id })),
  });
}
