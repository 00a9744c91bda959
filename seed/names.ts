// Names and contact details of synthetic firms and people. Shared identifiers are written with
// the small differences real registries show (case, spacing), so that matching them takes the
// normalisation a real extract needs.
import type { Rng } from '../src/model/rng.ts';

const STEMS = [
  'Nor',
  'Vel',
  'Tras',
  'Ambr',
  'Kest',
  'Lum',
  'Dor',
  'Fen',
  'Gal',
  'Hav',
  'Ist',
  'Jor',
  'Kar',
  'Lind',
  'Mar',
  'Nex',
  'Orb',
  'Pol',
  'Quin',
  'Ros',
  'Sol',
  'Tor',
  'Ulm',
  'Ver',
  'West',
  'Zan',
  'Bram',
  'Cor',
  'Del',
  'Eur',
];
const ENDINGS = [
  'ex',
  'ona',
  'ix',
  'atrade',
  'ico',
  'en',
  'ora',
  'us',
  'ia',
  'ant',
  'ova',
  'ar',
  'ium',
  'eon',
  'is',
];
const TRADES = [
  'Trading',
  'Import',
  'Logistics',
  'Distribution',
  'Wholesale',
  'Supply',
  'Commerce',
  'Retail',
  'Goods',
  'International',
  'Holding',
  'Partners',
];
const LEGAL: Record<string, readonly string[]> = {
  NL: ['B.V.', 'BV', 'V.O.F.'],
  BE: ['NV', 'BV', 'SRL'],
  DE: ['GmbH', 'GmbH & Co. KG', 'AG'],
  GB: ['Ltd', 'Limited', 'LLP'],
  CN: ['Co., Ltd.', 'Trading Co., Ltd.', 'Industrial Co., Ltd.'],
};
const FIRST = [
  'Anna',
  'Bram',
  'Chen',
  'Daan',
  'Eva',
  'Farid',
  'Greta',
  'Hugo',
  'Ines',
  'Jan',
  'Karim',
  'Lotte',
  'Milan',
  'Noor',
  'Omar',
  'Pieter',
  'Rosa',
  'Sanne',
  'Tom',
  'Umut',
  'Vera',
  'Wei',
  'Yara',
  'Zoë',
  'Lukas',
  'Mei',
  'Sven',
  'Ayşe',
  'Jonas',
  'Fatima',
];
const LAST = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meyer',
  'Schulz',
  'Peeters',
  'Maes',
  'Yilmaz',
  'Öztürk',
  'Wang',
  'Li',
  'Zhang',
  'El Amrani',
  'Dubois',
  'Novak',
  'Kowalski',
  'Hoffmann',
  'Claes',
  'Mulder',
  'de Boer',
  'Wouters',
  'Koch',
  'Brouwer',
  'Ahmed',
  'Nguyen',
  'Rossi',
  'Sato',
  'Kaya',
];
const STREETS = [
  'Havenweg',
  'Kade',
  'Industrieweg',
  'Stationsplein',
  'Keizersgracht',
  'Marktstraat',
  'Noordzeeweg',
  'Europalaan',
  'Handelskade',
  'Logistiekweg',
  'Hafenstraße',
  'Rue du Port',
  'Kanaalstraat',
  'Parklaan',
  'Beursplein',
];
const CITIES: Record<string, readonly (readonly [string, string])[]> = {
  NL: [
    ['3011', 'Rotterdam'],
    ['1015', 'Amsterdam'],
    ['5928', 'Venlo'],
    ['2511', 'Den Haag'],
    ['3511', 'Utrecht'],
    ['5611', 'Eindhoven'],
  ],
  BE: [
    ['2000', 'Antwerpen'],
    ['1000', 'Brussel'],
    ['8380', 'Zeebrugge'],
    ['9000', 'Gent'],
  ],
  DE: [
    ['20457', 'Hamburg'],
    ['60311', 'Frankfurt am Main'],
    ['40213', 'Düsseldorf'],
    ['47119', 'Duisburg'],
  ],
};
const LETTERS = 'ABCDEFGHJKLMNPRSTVWXZ';

export function companyName(rng: Rng, country: string): string {
  const stem = rng.pick(STEMS) + rng.pick(ENDINGS);
  const legal = rng.pick(LEGAL[country] ?? ['Ltd', 'S.A.', 'Co.']);
  return rng.chance(0.8) ? `${stem} ${rng.pick(TRADES)} ${legal}` : `${stem} ${legal}`;
}

/** A name in a family group of firms: the family name leads. */
export function familyCompanyName(rng: Rng, family: string, country: string): string {
  return `${family} ${rng.pick(TRADES)} ${rng.pick(LEGAL[country] ?? ['Ltd'])}`;
}

export function familyName(rng: Rng): string {
  return rng.pick(LAST);
}

export function personName(rng: Rng, family?: string): string {
  return `${rng.pick(FIRST)} ${family ?? rng.pick(LAST)}`;
}

export function streetAddress(rng: Rng, country: string): string {
  const [postcode, city] = rng.pick(CITIES[country] ?? CITIES.NL ?? [['0000', 'City']]);
  const suffix = country === 'NL' ? ` ${rng.pick([...LETTERS])}${rng.pick([...LETTERS])}` : '';
  return `${rng.pick(STREETS)} ${rng.int(1, 400)}, ${postcode}${suffix} ${city}`;
}

export function foreignAddress(rng: Rng, country: string): string {
  return `No. ${rng.int(1, 999)} ${rng.pick(['Industrial Park', 'Export Zone', 'Harbour Road', 'Trade Centre'])} Rd, ${country}`;
}

export function phoneNumber(rng: Rng, country: string): string {
  const prefix = { NL: '+31', BE: '+32', DE: '+49' }[country] ?? '+31';
  return `${prefix} ${rng.int(10, 99)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
}

export function emailFor(rng: Rng, name: string, country: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z]+/g, '')
      .slice(0, 14) || 'firm';
  const tld = { NL: 'nl', BE: 'be', DE: 'de' }[country] ?? 'com';
  return `${rng.pick(['info', 'customs', 'import', 'office'])}@${slug}.${tld}`;
}

export function bankAccount(rng: Rng, country: string): string {
  const bank = rng.pick(['INGB', 'RABO', 'ABNA', 'KRED', 'DEUT', 'COBA', 'TRIO']);
  let digits = '';
  for (let i = 0; i < 10; i++) digits += String(rng.int(0, 9));
  return `${country}${rng.int(10, 99)}${bank}${digits}`;
}

/** The same identifier as another clerk would type it: case and spacing differ, the value not. */
export function retype(rng: Rng, value: string): string {
  switch (rng.int(0, 3)) {
    case 0:
      return value.toUpperCase();
    case 1:
      return value.replace(/ +/g, '  ');
    case 2:
      return ` ${value}`;
    default:
      return value;
  }
}
