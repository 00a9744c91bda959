// The goods of the synthetic world: real HS headings with duty rates close to the EU common
// customs tariff, origin shares shaped like EU import statistics, and the log-normal unit value
// (EUR per kg) and line mass of each heading. Anti-dumping surcharges by origin are what make
// origin misdeclaration pay, so they are part of the catalogue.

export interface Heading {
  /** Four-digit HS heading. */
  heading: string;
  /** Two more digits completing six- and eight-digit codes seen in declarations. */
  subheadings: readonly string[];
  description: string;
  /** Ad valorem duty rate (0.12 = 12%). */
  dutyRate: number;
  /** Extra duty when the goods originate in these countries (anti-dumping, countervailing). */
  originSurcharge?: Readonly<Record<string, number>>;
  /** Median EUR per kg and its log-scale spread. */
  unitValueMedian: number;
  unitValueSigma: number;
  /** Median net mass of one declaration line, kg. */
  lineMassMedian: number;
  /** Typical kg per unit, to state a quantity. */
  kgPerUnit: number;
  origins: readonly (readonly [string, number])[];
  /** Share of all declaration lines. */
  share: number;
}

const ASIA_MANUFACTURING = [
  ['CN', 55],
  ['VN', 8],
  ['TR', 6],
  ['IN', 6],
  ['BD', 5],
  ['TH', 3],
  ['MY', 3],
  ['KR', 3],
  ['TW', 3],
  ['US', 3],
  ['JP', 2],
  ['GB', 3],
] as const;

export const HEADINGS: readonly Heading[] = [
  {
    heading: '0304',
    subheadings: ['7100', '8700'],
    description: 'fish fillets, frozen',
    dutyRate: 0.075,
    unitValueMedian: 6.5,
    unitValueSigma: 0.35,
    lineMassMedian: 4000,
    kgPerUnit: 1,
    origins: [
      ['NO', 35],
      ['IS', 15],
      ['CN', 20],
      ['VN', 10],
      ['US', 10],
      ['CL', 10],
    ],
    share: 0.03,
  },
  {
    heading: '0803',
    subheadings: ['9010'],
    description: 'bananas, fresh',
    dutyRate: 0.1,
    unitValueMedian: 0.8,
    unitValueSigma: 0.2,
    lineMassMedian: 18000,
    kgPerUnit: 18,
    origins: [
      ['EC', 35],
      ['CO', 30],
      ['CR', 25],
      ['DO', 10],
    ],
    share: 0.03,
  },
  {
    heading: '0901',
    subheadings: ['1100', '2100'],
    description: 'coffee',
    dutyRate: 0.0,
    unitValueMedian: 4.2,
    unitValueSigma: 0.3,
    lineMassMedian: 15000,
    kgPerUnit: 60,
    origins: [
      ['BR', 35],
      ['VN', 25],
      ['CO', 12],
      ['HN', 10],
      ['UG', 8],
      ['ET', 10],
    ],
    share: 0.02,
  },
  {
    heading: '2204',
    subheadings: ['2109', '2198'],
    description: 'wine of fresh grapes',
    dutyRate: 0.04,
    unitValueMedian: 3.5,
    unitValueSigma: 0.6,
    lineMassMedian: 9000,
    kgPerUnit: 1.3,
    origins: [
      ['CL', 20],
      ['AU', 20],
      ['ZA', 20],
      ['US', 20],
      ['NZ', 10],
      ['AR', 10],
    ],
    share: 0.02,
  },
  {
    heading: '2402',
    subheadings: ['2090'],
    description: 'cigarettes containing tobacco',
    dutyRate: 0.576,
    unitValueMedian: 30,
    unitValueSigma: 0.3,
    lineMassMedian: 800,
    kgPerUnit: 0.2,
    origins: [
      ['CH', 40],
      ['TR', 25],
      ['AE', 15],
      ['GB', 20],
    ],
    share: 0.005,
  },
  {
    heading: '3004',
    subheadings: ['9000', '2000'],
    description: 'medicaments, packaged',
    dutyRate: 0.0,
    unitValueMedian: 120,
    unitValueSigma: 1.0,
    lineMassMedian: 300,
    kgPerUnit: 0.1,
    origins: [
      ['CH', 35],
      ['US', 30],
      ['GB', 15],
      ['IN', 12],
      ['JP', 8],
    ],
    share: 0.04,
  },
  {
    heading: '3304',
    subheadings: ['9900', '9100'],
    description: 'beauty and make-up preparations',
    dutyRate: 0.0,
    unitValueMedian: 25,
    unitValueSigma: 0.7,
    lineMassMedian: 500,
    kgPerUnit: 0.1,
    origins: [
      ['US', 25],
      ['KR', 25],
      ['CN', 25],
      ['GB', 15],
      ['JP', 10],
    ],
    share: 0.04,
  },
  {
    heading: '3926',
    subheadings: ['9097', '4000'],
    description: 'other articles of plastics',
    dutyRate: 0.065,
    unitValueMedian: 4.5,
    unitValueSigma: 0.6,
    lineMassMedian: 1200,
    kgPerUnit: 0.3,
    origins: ASIA_MANUFACTURING,
    share: 0.07,
  },
  {
    heading: '4011',
    subheadings: ['1000', '2090'],
    description: 'new pneumatic tyres of rubber',
    dutyRate: 0.045,
    unitValueMedian: 3.8,
    unitValueSigma: 0.35,
    lineMassMedian: 6000,
    kgPerUnit: 9,
    origins: [
      ['CN', 45],
      ['KR', 15],
      ['JP', 10],
      ['TH', 15],
      ['TR', 15],
    ],
    share: 0.04,
  },
  {
    heading: '4202',
    subheadings: ['2290', '9291'],
    description: 'handbags, trunks and cases',
    dutyRate: 0.037,
    unitValueMedian: 18,
    unitValueSigma: 0.9,
    lineMassMedian: 400,
    kgPerUnit: 0.8,
    origins: [
      ['CN', 60],
      ['VN', 15],
      ['IN', 10],
      ['IT', 5],
      ['KH', 10],
    ],
    share: 0.04,
  },
  {
    heading: '6109',
    subheadings: ['1000', '9020'],
    description: 'T-shirts, knitted',
    dutyRate: 0.12,
    unitValueMedian: 16,
    unitValueSigma: 0.55,
    lineMassMedian: 900,
    kgPerUnit: 0.2,
    origins: [
      ['BD', 35],
      ['CN', 25],
      ['TR', 15],
      ['IN', 10],
      ['PK', 10],
      ['KH', 5],
    ],
    share: 0.07,
  },
  {
    heading: '6203',
    subheadings: ['4235', '4231'],
    description: "men's trousers, not knitted",
    dutyRate: 0.12,
    unitValueMedian: 14,
    unitValueSigma: 0.5,
    lineMassMedian: 1100,
    kgPerUnit: 0.6,
    origins: [
      ['BD', 35],
      ['CN', 30],
      ['PK', 10],
      ['TR', 15],
      ['VN', 10],
    ],
    share: 0.05,
  },
  {
    heading: '6403',
    subheadings: ['9118', '9998'],
    description: 'footwear with leather uppers',
    dutyRate: 0.08,
    unitValueMedian: 30,
    unitValueSigma: 0.5,
    lineMassMedian: 700,
    kgPerUnit: 1,
    origins: [
      ['CN', 35],
      ['VN', 30],
      ['IN', 15],
      ['ID', 10],
      ['BR', 10],
    ],
    share: 0.04,
  },
  {
    heading: '6911',
    subheadings: ['1000'],
    description: 'tableware of porcelain',
    dutyRate: 0.12,
    originSurcharge: { CN: 0.36 },
    unitValueMedian: 2.6,
    unitValueSigma: 0.45,
    lineMassMedian: 5000,
    kgPerUnit: 0.5,
    origins: [
      ['CN', 70],
      ['TH', 10],
      ['TR', 10],
      ['GB', 10],
    ],
    share: 0.02,
  },
  {
    heading: '7318',
    subheadings: ['1595', '1588'],
    description: 'screws and bolts of iron or steel',
    dutyRate: 0.037,
    originSurcharge: { CN: 0.86 },
    unitValueMedian: 2.1,
    unitValueSigma: 0.4,
    lineMassMedian: 8000,
    kgPerUnit: 0.01,
    origins: [
      ['CN', 40],
      ['TW', 30],
      ['IN', 10],
      ['KR', 10],
      ['TR', 10],
    ],
    share: 0.04,
  },
  {
    heading: '7604',
    subheadings: ['2100', '2990'],
    description: 'aluminium bars and profiles',
    dutyRate: 0.075,
    originSurcharge: { CN: 0.32 },
    unitValueMedian: 3.6,
    unitValueSigma: 0.3,
    lineMassMedian: 12000,
    kgPerUnit: 6,
    origins: [
      ['CN', 30],
      ['TR', 30],
      ['NO', 20],
      ['IN', 10],
      ['AE', 10],
    ],
    share: 0.03,
  },
  {
    heading: '8418',
    subheadings: ['1020', '2191'],
    description: 'refrigerators and freezers',
    dutyRate: 0.025,
    unitValueMedian: 7.5,
    unitValueSigma: 0.35,
    lineMassMedian: 4000,
    kgPerUnit: 55,
    origins: [
      ['CN', 45],
      ['TR', 30],
      ['KR', 15],
      ['TH', 10],
    ],
    share: 0.03,
  },
  {
    heading: '8471',
    subheadings: ['3000', '4100'],
    description: 'computers and data-processing machines',
    dutyRate: 0.0,
    unitValueMedian: 180,
    unitValueSigma: 0.6,
    lineMassMedian: 500,
    kgPerUnit: 2,
    origins: [
      ['CN', 70],
      ['TW', 10],
      ['VN', 10],
      ['US', 5],
      ['MY', 5],
    ],
    share: 0.07,
  },
  {
    heading: '8517',
    subheadings: ['1300', '6200'],
    description: 'telephones and network equipment',
    dutyRate: 0.0,
    unitValueMedian: 260,
    unitValueSigma: 0.7,
    lineMassMedian: 300,
    kgPerUnit: 0.25,
    origins: [
      ['CN', 65],
      ['VN', 20],
      ['IN', 5],
      ['KR', 5],
      ['US', 5],
    ],
    share: 0.06,
  },
  {
    heading: '8528',
    subheadings: ['7200', '5291'],
    description: 'monitors and television receivers',
    dutyRate: 0.14,
    unitValueMedian: 24,
    unitValueSigma: 0.45,
    lineMassMedian: 2500,
    kgPerUnit: 12,
    origins: [
      ['CN', 50],
      ['KR', 15],
      ['TR', 15],
      ['VN', 10],
      ['MY', 10],
    ],
    share: 0.04,
  },
  {
    heading: '8544',
    subheadings: ['4291', '4995'],
    description: 'insulated wire and cables',
    dutyRate: 0.037,
    unitValueMedian: 9,
    unitValueSigma: 0.6,
    lineMassMedian: 2000,
    kgPerUnit: 0.5,
    origins: ASIA_MANUFACTURING,
    share: 0.05,
  },
  {
    heading: '8708',
    subheadings: ['9997', '2990'],
    description: 'parts of motor vehicles',
    dutyRate: 0.03,
    unitValueMedian: 11,
    unitValueSigma: 0.7,
    lineMassMedian: 2500,
    kgPerUnit: 3,
    origins: [
      ['CN', 25],
      ['JP', 15],
      ['US', 15],
      ['KR', 10],
      ['TR', 15],
      ['MX', 10],
      ['GB', 10],
    ],
    share: 0.07,
  },
  {
    heading: '8711',
    subheadings: ['6010', '6090'],
    description: 'bicycles with auxiliary electric motor',
    dutyRate: 0.06,
    originSurcharge: { CN: 0.79 },
    unitValueMedian: 28,
    unitValueSigma: 0.35,
    lineMassMedian: 2200,
    kgPerUnit: 24,
    origins: [
      ['CN', 45],
      ['TW', 25],
      ['VN', 15],
      ['TH', 10],
      ['KH', 5],
    ],
    share: 0.02,
  },
  {
    heading: '9403',
    subheadings: ['6010', '2080'],
    description: 'other furniture',
    dutyRate: 0.0,
    unitValueMedian: 3.8,
    unitValueSigma: 0.5,
    lineMassMedian: 3000,
    kgPerUnit: 15,
    origins: [
      ['CN', 50],
      ['VN', 20],
      ['TR', 10],
      ['IN', 10],
      ['MY', 10],
    ],
    share: 0.05,
  },
  {
    heading: '9405',
    subheadings: ['1140', '4231'],
    description: 'lamps and lighting fittings',
    dutyRate: 0.047,
    unitValueMedian: 12,
    unitValueSigma: 0.55,
    lineMassMedian: 900,
    kgPerUnit: 1.5,
    origins: [
      ['CN', 80],
      ['VN', 5],
      ['IN', 5],
      ['TR', 5],
      ['US', 5],
    ],
    share: 0.04,
  },
  {
    heading: '9503',
    subheadings: ['0070', '0095'],
    description: 'toys',
    dutyRate: 0.0,
    unitValueMedian: 8,
    unitValueSigma: 0.6,
    lineMassMedian: 1000,
    kgPerUnit: 0.4,
    origins: [
      ['CN', 85],
      ['VN', 5],
      ['IN', 3],
      ['US', 4],
      ['JP', 3],
    ],
    share: 0.05,
  },
];

/** Headings where origin misdeclaration pays: the ones with origin surcharges. */
export const SURCHARGED_HEADINGS: readonly Heading[] = HEADINGS.filter((h) => h.originSurcharge);

/** Third countries goods are re-routed through to lose a surcharged origin. */
export const TRANSSHIPMENT_COUNTRIES = ['MY', 'VN', 'TH', 'TW', 'KR', 'IN'] as const;

/**
 * Share of the conventional duty paid on goods of preferential origin (free-trade agreements,
 * the customs union with Türkiye, Everything-but-Arms and GSP+): lawful lines from these
 * countries often pay no duty at all.
 */
export const PREFERENCE: Readonly<Record<string, number>> = {
  TR: 0,
  CH: 0,
  NO: 0,
  IS: 0,
  GB: 0,
  KR: 0,
  JP: 0,
  CL: 0,
  ZA: 0,
  MX: 0,
  CO: 0.25,
  EC: 0.25,
  CR: 0.25,
  DO: 0,
  BD: 0,
  KH: 0,
  PK: 0,
  VN: 0.4,
  NZ: 0.5,
};

/** Duty rate for a heading given the origin declared (preference, then origin surcharges). */
export function dutyRateFor(heading: Heading, origin: string): number {
  return heading.dutyRate * (PREFERENCE[origin] ?? 1) + (heading.originSurcharge?.[origin] ?? 0);
}

export function headingByCode(code: string): Heading {
  const h = HEADINGS.find((x) => x.heading === code);
  if (!h) throw new Error(`seed: no heading ${code} in the catalogue`);
  return h;
}

/** Customs offices (ports, airports, inland) with their share of declarations. */
export const OFFICES: readonly (readonly [string, number])[] = [
  ['NLRTM01', 30],
  ['NLRTM02', 14],
  ['BEANR01', 16],
  ['DEHAM01', 14],
  ['NLAMS01', 10],
  ['DEFRA01', 6],
  ['NLVNL01', 5],
  ['BEZEE01', 5],
];

/** Duty-free value below which low-value consignments clear without duty (EUR). */
export const DE_MINIMIS_VALUE = 150;

/** Relative declaration volume by month (January first): a February lull, a summer dip,
 * the autumn peak before the holiday season. */
export const MONTH_SEASONALITY = [
  0.92, 0.78, 0.97, 0.98, 1.0, 1.02, 0.9, 0.82, 1.08, 1.2, 1.22, 1.05,
] as const;

/** Declarations on Saturdays and Sundays relative to weekdays. */
export const WEEKEND_FACTOR = 0.12;
