// Meridian's lawful population: suppliers, brokers (a few big forwarders), consignees (a few
// retail hubs) and importers with their trading habits.
import type { Rng } from '../../src/model/rng.ts';
import { HEADINGS } from './goods.ts';
import type { SizePlan } from './params.ts';
import { domesticFirm, person, supplier, type Supplier } from './parties.ts';
import { PERIOD_DAYS, type World } from './world.ts';

export interface Habit {
  importerId: string;
  /** Relative volume. */
  weight: number;
  suppliers: Supplier[];
  brokerId: string | null;
  consignees: string[];
  /** Multiplies the heading's unit value: this firm's grade of goods. */
  priceFactor: number;
  from: number;
  to: number;
}

export interface Population {
  habits: Habit[];
  suppliers: Supplier[];
  brokers: { id: string; weight: number }[];
  consignees: { id: string; weight: number }[];
}

export function suppliersOf(pop: Population, hs: string): Supplier[] {
  return pop.suppliers.filter((s) => s.headings.includes(hs));
}

export function buildPopulation(world: World, rng: Rng, plan: SizePlan): Population {
  const suppliers: Supplier[] = [];
  for (let i = 0; i < plan.suppliers; i++)
    suppliers.push(
      supplier(world, rng, HEADINGS[i % HEADINGS.length] ?? rng.pick(HEADINGS), rng.chance(0.3)),
    );
  const brokers = Array.from({ length: plan.brokers }, (_, rank) => ({
    id: domesticFirm(world, rng, 'broker').id,
    weight: 1 / Math.pow(rank + 1, 1.15),
  }));
  const consignees = Array.from({ length: plan.consignees }, (_, rank) => ({
    id: domesticFirm(world, rng, 'consignee').id,
    weight: rank < 3 ? 12 : 1,
  }));
  const pop: Population = { habits: [], suppliers, brokers, consignees };
  for (let i = 0; i < plan.importers; i++) pop.habits.push(lawfulImporter(world, rng, pop));
  for (const b of brokers.slice(0, 3))
    world.lookAlikes.push({
      kind: 'big_broker',
      description: 'a forwarder declaring for a large share of all importers',
      members: [{ label: 'Broker', id: b.id }],
    });
  for (const c of consignees.slice(0, 3))
    world.lookAlikes.push({
      kind: 'consignee_hub',
      description: 'a retail chain receiving from many importers',
      members: [{ label: 'Consignee', id: c.id }],
    });
  return pop;
}

/** An established lawful importer and its habits. */
export function lawfulImporter(world: World, rng: Rng, pop: Population, registeredOn?: number): Habit {
  const directors = rng.chance(0.7) ? [person(world, rng).id] : [];
  if (rng.chance(0.2)) directors.push(person(world, rng).id);
  const firm = domesticFirm(world, rng, 'importer', { directorIds: directors, registeredOn });
  const first = rng.pick(pop.suppliers);
  const own = [first];
  for (let k = rng.int(0, 3); k > 0; k--) {
    const hs = rng.pick(first.headings);
    const alt = rng.pick(suppliersOf(pop, hs).length > 0 ? suppliersOf(pop, hs) : pop.suppliers);
    if (!own.includes(alt)) own.push(alt);
  }
  const consignees: string[] = [];
  if (rng.chance(0.4))
    for (let k = rng.int(1, 3); k > 0; k--)
      consignees.push(rng.weighted(pop.consignees.map((c) => [c.id, c.weight] as const)));
  return {
    importerId: firm.id,
    weight: Math.min(200, rng.pareto(1.2)),
    suppliers: own,
    brokerId: rng.chance(0.25) ? null : rng.weighted(pop.brokers.map((b) => [b.id, b.weight] as const)),
    consignees,
    priceFactor: rng.logNormal(1, 0.3),
    from: 0,
    to: PERIOD_DAYS - 1,
  };
}

/** Lawful structures that resemble fraud: business centres, families, reopenings, cheap grades. */
export function plantLookAlikes(world: World, rng: Rng, pop: Population): void {
  const n = pop.habits.length;
  const pick = (k: number) => rng.sample(pop.habits, k).map((h) => world.party(h.importerId));
  for (let c = Math.max(2, Math.round(n / 150)); c > 0; c--) {
    const seat = `${rng.pick(['Regus', 'Spaces', 'The Exchange', 'Central Business Centre', 'Harbourside Offices'])}, ${rng.int(1, 90)} Commerce Way`;
    const switchboard = `+${world.admin.phonePrefix} ${rng.int(200, 999)} 555 ${rng.int(1000, 9999)}`;
    const tenants = pick(rng.int(15, Math.min(60, Math.round(n / 6))));
    for (const t of tenants) {
      t.address = rng.chance(0.3) ? `Suite ${rng.int(1, 300)}, ${seat}` : seat;
      if (rng.chance(0.4)) t.phone = switchboard;
    }
    world.lookAlikes.push({
      kind: 'business_centre',
      description: `serviced offices at ${seat}`,
      members: tenants.map((t) => ({ label: 'Importer' as const, id: t.id })),
    });
  }
  for (let f = Math.max(2, Math.round(n / 100)); f > 0; f--) familyGroup(world, rng, pick(rng.int(2, 5)));
  for (const h of rng.sample(pop.habits, Math.max(2, Math.round(n / 30)))) {
    h.priceFactor = 0.5 + 0.2 * rng.next();
    world.lookAlikes.push({
      kind: 'discount_importer',
      description: 'a lawful importer of cheap grades',
      members: [{ label: 'Importer', id: h.importerId }],
    });
  }
  for (let r = Math.max(2, Math.round(n / 200)); r > 0; r--) lawfulReopening(world, rng, pop);
}

function familyGroup(world: World, rng: Rng, firms: ReturnType<World['party']>[]): void {
  const family = world.party(person(world, rng).id);
  const surname = family.name.split(' ').at(-1) ?? '';
  const second = person(world, rng, surname);
  const bank = rng.chance(0.3) ? (firms[0]?.bankAccount ?? null) : null;
  for (const f of firms) {
    f.directorIds = [...new Set([...f.directorIds, family.id, ...(rng.chance(0.5) ? [second.id] : [])])];
    if (bank) f.bankAccount = bank;
  }
  world.lookAlikes.push({
    kind: 'family_group',
    description: `firms of the ${surname} family`,
    members: [
      ...firms.map((f) => ({ label: 'Importer' as const, id: f.id })),
      { label: 'Person', id: family.id },
    ],
  });
}

function lawfulReopening(world: World, rng: Rng, pop: Population): void {
  const old = rng.pick(pop.habits);
  const firm = world.party(old.importerId);
  const closeDay = rng.int(120, PERIOD_DAYS - 150);
  old.to = closeDay;
  firm.closedOn = closeDay;
  const director = firm.directorIds[0] ?? person(world, rng).id;
  firm.directorIds = [director];
  const successor = lawfulImporter(world, rng, pop, closeDay + rng.int(-20, 40));
  const next = world.party(successor.importerId);
  next.address = firm.address;
  next.directorIds = [director];
  next.name = `${firm.name.split(' ')[0] ?? 'New'} ${rng.pick(['Group', 'Holdings', 'International'])} ${rng.pick(['Ltd', 'LLC', 'BV'])}`;
  Object.assign(successor, {
    suppliers: old.suppliers,
    brokerId: old.brokerId,
    weight: old.weight,
    from: closeDay + 30,
  });
  pop.habits.push(successor);
  world.lookAlikes.push({
    kind: 'lawful_reopening',
    description: `${firm.name} closes and reopens as ${next.name}, same seat and director, no debts`,
    members: [
      { label: 'Importer', id: firm.id },
      { label: 'Importer', id: next.id },
      { label: 'Person', id: director },
    ],
  });
}
