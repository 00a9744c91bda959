// Names and identifiers of Meridian's parties, with the spelling variants real registries and
// declarations carry (legal-form abbreviations, `&`/`and`, dropped punctuation, typos).
import type { Rng } from '../../src/model/rng.ts';

const STEMS = [
  'Apex',
  'Borealis',
  'Cobalt',
  'Delta',
  'Evergreen',
  'Fairway',
  'Granite',
  'Harbor',
  'Ironwood',
  'Juniper',
  'Keystone',
  'Lumen',
  'Meridia',
  'Northgate',
  'Orion',
  'Pioneer',
  'Quartz',
  'Redwood',
  'Summit',
  'Tidewater',
  'Unity',
  'Vantage',
  'Westbrook',
  'Zenith',
  'Atlas',
  'Beacon',
  'Crescent',
  'Dune',
  'Ember',
  'Falcon',
  'Golden Gate',
  'Horizon',
  'Indigo',
  'Jade',
  'Kestrel',
  'Lotus',
  'Maple',
  'Nova',
  'Oak & Pine',
  'Polaris',
  'Riverside',
  'Sterling',
  'Trident',
  'Upland',
  'Vega',
  'Willow',
  'Silverline',
  'Bluewater',
  'Cedar',
  'Sunrise',
  'Eastwind',
  'Star Ocean',
  'Prime Link',
];
const ACTIVITIES = [
  'Trading',
  'Imports',
  'Supply',
  'Distribution',
  'Goods',
  'Commerce',
  'Wholesale',
  'Logistics',
  'Merchants',
  'Sourcing',
];
const FORMS: readonly (readonly [string, string])[] = [
  ['Ltd', 'Limited'],
  ['LLC', 'L.L.C.'],
  ['Inc', 'Inc.'],
  ['Co', 'Company'],
  ['GmbH', 'G.m.b.H.'],
  ['BV', 'B.V.'],
  ['Pty Ltd', 'Pty. Limited'],
];
const FOREIGN = [
  'Shenzhen',
  'Ningbo',
  'Xiamen',
  'Yiwu',
  'Dongguan',
  'Foshan',
  'Penang',
  'Binh Duong',
  'Izmir',
  'Jebel Ali',
  'Chonburi',
  'Surabaya',
  'Kaohsiung',
];
const GIVEN = [
  'Anna',
  'Ben',
  'Chen',
  'Daria',
  'Emeka',
  'Farah',
  'Gustav',
  'Hana',
  'Ivan',
  'Jia',
  'Karim',
  'Lena',
  'Marco',
  'Nadia',
  'Omar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sami',
  'Tomasz',
  'Uma',
  'Viktor',
  'Wei',
  'Yusuf',
  'Zofia',
];
const FAMILY = [
  'Abbott',
  'Bauer',
  'Costa',
  'Dimitrov',
  'Evans',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Li',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Rossi',
  'Singh',
  'Tanaka',
  'Usman',
  'Varga',
  'Wang',
  'Yilmaz',
  'Zhang',
];
const STREETS = [
  'High Street',
  'Harbour Road',
  'Station Avenue',
  'Mill Lane',
  'Commerce Way',
  'Dock Street',
  'Park Road',
  'Industrial Drive',
  'Market Square',
  'Canal Street',
  'Airport Boulevard',
  'Enterprise Park',
];
const TOWNS = [
  'Portmere',
  'Eastleigh',
  'Northbridge',
  'Westhaven',
  'Kingsford',
  'Riverton',
  'Lakeside',
  'Fairmont',
  'Ashby',
  'Greenfield',
];

export interface FirmName {
  /** The name as registered. */
  name: string;
  stem: string;
  activity: string;
  form: readonly [string, string];
}

export function firmName(rng: Rng, foreign = false): FirmName {
  const stem = foreign ? `${rng.pick(FOREIGN)} ${rng.pick(STEMS)}` : rng.pick(STEMS);
  const activity = rng.pick(ACTIVITIES);
  const form = rng.pick(FORMS);
  return { name: `${stem} ${activity} ${form[0]}`, stem, activity, form };
}

/** The same firm's name as a clerk might type it elsewhere. */
export function spellingVariant(rng: Rng, name: string): string {
  const r = rng.int(0, 4);
  for (const [short, long] of FORMS) {
    if (r === 0 && name.endsWith(` ${short}`)) return name.slice(0, -short.length) + long;
    if (r === 0 && name.endsWith(` ${long}`)) return name.slice(0, -long.length) + short;
  }
  if (r === 1 && name.includes(' & ')) return name.replace(' & ', ' and ');
  if (r === 2) return name.toUpperCase();
  if (r === 3) return name.replace(/[.,]/g, '').replace(/\s+/g, ' ');
  // A typo: one letter doubled.
  const at = rng.int(1, Math.max(1, name.length - 2));
  return /[a-z]/.test(name.charAt(at)) ? name.slice(0, at) + name.charAt(at) + name.slice(at) : name;
}

/** A new firm's name echoing an earlier one (phoenix successors, lawful reopenings). */
export function echoName(rng: Rng, earlier: FirmName): FirmName {
  const activity = rng.chance(0.5) ? earlier.activity : rng.pick(ACTIVITIES);
  const stem = rng.weighted([
    [earlier.stem, 3],
    [`${earlier.stem} ${rng.pick(['Global', 'International', 'Group', 'Europe', 'One', 'New'])}`, 3],
    [earlier.stem.replace(/[aeiou]/, (v) => v + v), 1],
  ]);
  const form = rng.chance(0.6) ? earlier.form : rng.pick(FORMS);
  const name = `${stem} ${activity} ${form[0]}`;
  return { name: name === earlier.name ? `${stem} ${activity} ${form[1]}` : name, stem, activity, form };
}

export function personName(rng: Rng, family?: string): string {
  return `${rng.pick(GIVEN)} ${family ?? rng.pick(FAMILY)}`;
}

export function familyName(rng: Rng): string {
  return rng.pick(FAMILY);
}

export function address(rng: Rng): string {
  return `${rng.int(1, 240)} ${rng.pick(STREETS)}, ${rng.pick(TOWNS)}`;
}

/** A serviced office: one street address, a suite per tenant or none. */
export function businessCentre(rng: Rng): string {
  return `${rng.pick(['Regus', 'Spaces', 'The Exchange', 'Central Business Centre', 'Harbourside Offices'])}, ${rng.int(1, 90)} ${rng.pick(STREETS)}, ${rng.pick(TOWNS)}`;
}

/** The same address with a suite number or a spelling change that does not normalise away. */
export function addressVariant(rng: Rng, base: string): string {
  return rng.chance(0.5)
    ? `Suite ${rng.int(1, 40)}, ${base}`
    : base.replace('Road', 'Rd').replace('Street', 'St').replace('Avenue', 'Ave');
}

export function phoneDigits(rng: Rng): string {
  return String(rng.int(200_000_000, 999_999_999));
}

/** A phone written in one of the formats a form allows; all normalise to the same digits. */
export function phoneText(rng: Rng, prefix: string, digits: string): string {
  const split = `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  return rng.weighted([
    [`+${prefix} ${split}`, 4],
    [`00${prefix} ${digits}`, 2],
    [`+${prefix}-${digits.slice(0, 3)}-${digits.slice(3)}`, 1],
  ]);
}

export function bankAccount(rng: Rng, country: string): string {
  let digits = '';
  for (let i = 0; i < 16; i++) digits += String(rng.int(0, 9));
  return `${country}${rng.int(10, 99)}${digits}`;
}

export function email(name: string, rng: Rng): string {
  const domain =
    name
      .toLowerCase()
      .replace(/[^a-z]+/g, '')
      .slice(0, 14) || 'firm';
  return `${rng.pick(['info', 'sales', 'import', 'office', 'accounts'])}@${domain}.${rng.pick(['com', 'net', 'biz', 'co'])}`;
}
