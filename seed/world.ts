// The lawful population: importers with their trading habits, brokers and forwarders with a
// heavy-tailed clientele, foreign suppliers per heading, and the look-alikes detectors must not
// flag (business-centre addresses, family groups, consignee hubs, lawful close-and-reopen).
import { HEADINGS, type Heading } from './catalogue.ts';
import { PERIOD_DAYS } from './calendar.ts';
import {
  bankAccount,
  companyName,
  emailFor,
  foreignAddress,
  personName,
  phoneNumber,
  streetAddress,
} from './names.ts';
import {
  plantBusinessCentres,
  plantDiscountImporters,
  plantFamilyGroups,
  plantLawfulReopenings,
  plantLowValuePlatforms,
} from './look-alikes.ts';
import { Registry } from './registry.ts';
import { Rng } from '../src/model/rng.ts';
import { WeightedIndex } from './weighted-index.ts';
import type { SizePlan } from './sizes.ts';
import type { LookAlike } from '../src/eval/truth.ts';
import type { Entity } from './types.ts';

/** How one importer trades: what it buys, from whom, through which broker, for which consignees. */
export interface ImporterProfile {
  id: string;
  brokerId: string | null;
  headings: Heading[];
  suppliersByHeading: Map<string, string[]>;
  /** Consignees the goods go to; null means the importer receives them itself. */
  consignees: (string | null)[];
  /** The firm's price level against the heading median (log-normal around 1). */
  priceLevel: number;
  /** The firm's usual consignment size against the heading median. */
  massScale: number;
  /** An e-commerce platform: single low-value consignments below the de-minimis value. */
  lowValue?: boolean;
}

export interface World {
  registry: Registry;
  importers: ImporterProfile[];
  /** Draws an importer index in proportion to its trade volume. */
  importerVolume: WeightedIndex;
  brokers: string[];
  brokerShare: WeightedIndex;
  /** The few forwarders that serve hundreds of importers. */
  bigBrokers: string[];
  consigneeHubs: string[];
  /** Business-centre and registered-agent addresses shared by unrelated firms. */
  businessCentres: string[];
  suppliersByHeading: Map<string, string[]>;
  lookAlikes: LookAlike[];
}

const HOME = ['NL', 'NL', 'NL', 'BE', 'DE'] as const;

/** What every phase of building the world draws from: its random stream and its registry. */
interface Builder {
  rng: Rng;
  registry: Registry;
  person: (family?: string) => Entity;
  firmFields: (
    country: string,
    name?: string,
  ) => {
    name: string;
    country: string;
    address: string;
    phone: string | null;
    email: string | null;
    bankAccount: string | null;
    registeredDay: number;
  };
}

function builder(rng: Rng, registry: Registry): Builder {
  const person = (family?: string): Entity =>
    registry.add('person', { name: personName(rng, family), country: rng.pick(HOME) });
  const firmFields = (country: string, name = companyName(rng, country)) => ({
    name,
    country,
    address: streetAddress(rng, country),
    phone: rng.chance(0.9) ? phoneNumber(rng, country) : null,
    email: rng.chance(0.8) ? emailFor(rng, name, country) : null,
    bankAccount: rng.chance(0.85) ? bankAccount(rng, country) : null,
    registeredDay: rng.chance(0.88) ? -rng.int(60, 6000) : rng.int(0, PERIOD_DAYS - 120),
  });

  return { rng, registry, person, firmFields };
}

/** Brokers and forwarders with Zipf shares; the first three are the big look-alikes. */
function makeBrokers(
  { rng, registry, person, firmFields }: Builder,
  plan: SizePlan,
  lookAlikes: LookAlike[],
): { brokers: string[]; brokerShare: WeightedIndex; bigBrokers: string[] } {
  // Brokers and forwarders: Zipf shares, so the first few serve most importers.
  const brokers: string[] = [];
  const brokerWeights: number[] = [];
  for (let i = 0; i < plan.brokers; i++) {
    const country = rng.pick(HOME);
    const base = companyName(rng, country).split(' ')[0] ?? 'Global';
    const fields = firmFields(
      country,
      `${base} ${rng.pick(['Customs Services', 'Forwarding', 'Shipping Agency', 'Logistics'])} ${country === 'DE' ? 'GmbH' : 'BV'}`,
    );
    brokers.push(
      registry.add('broker', { ...fields, registeredDay: -rng.int(800, 9000), directorIds: [person().id] })
        .id,
    );
    brokerWeights.push(1 / Math.pow(i + 1, 1.15));
  }
  const brokerShare = new WeightedIndex(brokerWeights);
  const bigBrokers = brokers.slice(0, 3);
  lookAlikes.push({
    kind: 'big_broker',
    description: 'Forwarders and customs brokers serving a large share of all importers.',
    members: bigBrokers.map((id) => ({ label: 'Broker', id })),
  });

  return { brokers, brokerShare, bigBrokers };
}

function makeSuppliers({ rng, registry }: Builder, plan: SizePlan): Map<string, string[]> {
  // Foreign suppliers per heading, from that heading's origin countries.
  const suppliersByHeading = new Map<string, string[]>();
  for (const h of HEADINGS) {
    const count = Math.max(4, Math.round(plan.suppliers * h.share));
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const country = rng.weighted(h.origins);
      ids.push(
        registry.add('supplier', {
          name: companyName(rng, country),
          country,
          address: foreignAddress(rng, country),
          registeredDay: -rng.int(400, 9000),
        }).id,
      );
    }
    suppliersByHeading.set(h.heading, ids);
  }

  return suppliersByHeading;
}

function makeConsignees(
  { rng, registry, person, firmFields }: Builder,
  plan: SizePlan,
  lookAlikes: LookAlike[],
): { consigneeHubs: string[]; consignees: string[] } {
  // Consignees: retail-chain hubs receive goods from many importers; the rest are ordinary.
  const consigneeHubs: string[] = [];
  const consignees: string[] = [];
  for (let i = 0; i < plan.consignees; i++) {
    const country = rng.pick(HOME);
    const hub = i < Math.max(3, Math.round(plan.consignees / 40));
    const name = hub
      ? `${companyName(rng, country).split(' ')[0] ?? 'City'} Retail Group ${country === 'DE' ? 'AG' : 'NV'}`
      : companyName(rng, country);
    const id = registry.add('consignee', { ...firmFields(country, name), directorIds: [person().id] }).id;
    (hub ? consigneeHubs : consignees).push(id);
  }
  lookAlikes.push({
    kind: 'consignee_hub',
    description: 'Retail chains receiving goods from many unrelated importers.',
    members: consigneeHubs.map((id) => ({ label: 'Consignee', id })),
  });

  return { consigneeHubs, consignees };
}

export function buildWorld(seed: number, plan: SizePlan): World {
  const rng = Rng.derive(seed, 'world');
  const registry = new Registry(Rng.derive(seed, 'ids'), plan.importers * 40);
  const lookAlikes: LookAlike[] = [];
  const b = builder(rng, registry);
  const { person, firmFields } = b;
  const { brokers, brokerShare, bigBrokers } = makeBrokers(b, plan, lookAlikes);
  const suppliersByHeading = makeSuppliers(b, plan);
  const { consigneeHubs, consignees } = makeConsignees(b, plan, lookAlikes);

  const headingShare = HEADINGS.map((h) => [h, h.share] as const);
  const importers: ImporterProfile[] = [];
  const volumes: number[] = [];
  const firms: Entity[] = [];
  for (let i = 0; i < plan.importers; i++) {
    const country = rng.pick(HOME);
    const entity = registry.add('importer', { ...firmFields(country), directorIds: [person().id] });
    firms.push(entity);
    importers.push(
      lawfulProfile(
        rng,
        entity.id,
        headingShare,
        suppliersByHeading,
        brokers,
        brokerShare,
        consigneeHubs,
        consignees,
      ),
    );
    volumes.push(Math.min(200, rng.pareto(1.15)));
  }

  const businessCentres = plantBusinessCentres(rng, registry, firms, consignees, plan, lookAlikes);
  plantFamilyGroups(rng, registry, firms, plan, lookAlikes);
  plantLawfulReopenings(rng, registry, importers, volumes, plan, lookAlikes);
  plantDiscountImporters(rng, importers, lookAlikes);
  plantLowValuePlatforms(rng, registry, importers, volumes, [...consigneeHubs, ...consignees], lookAlikes);

  return {
    registry,
    importers,
    importerVolume: new WeightedIndex(volumes),
    brokers,
    brokerShare,
    bigBrokers,
    consigneeHubs,
    businessCentres,
    suppliersByHeading,
    lookAlikes,
  };
}

function lawfulProfile(
  rng: Rng,
  id: string,
  headingShare: readonly (readonly [Heading, number])[],
  suppliersByHeading: Map<string, string[]>,
  brokers: string[],
  brokerShare: WeightedIndex,
  hubs: string[],
  consignees: string[],
): ImporterProfile {
  const headings = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.weighted(headingShare)))];
  const bySupplier = new Map<string, string[]>();
  for (const h of headings)
    bySupplier.set(h.heading, rng.sample(suppliersByHeading.get(h.heading) ?? [], rng.int(1, 4)));
  const consigneeMode = rng.next();
  const own =
    consigneeMode < 0.4
      ? [null]
      : consigneeMode < 0.7
        ? rng.sample(hubs, rng.int(1, 2))
        : rng.sample(consignees, rng.int(1, 3));
  return {
    id,
    brokerId: rng.chance(0.08) ? null : (brokers[brokerShare.draw(rng)] ?? null),
    headings,
    suppliersByHeading: bySupplier,
    consignees: own.length > 0 ? own : [null],
    priceLevel: rng.logNormal(1, 0.15),
    massScale: rng.logNormal(1, 0.5),
  };
}
