// Meridian's goods: HS headings with duty rates, typical dollar unit values and masses, where
// they are made, and which carry an anti-dumping surcharge on Chinese origin.

export interface Heading {
  hs: string;
  description: string;
  /** Ad valorem duty rate. */
  rate: number;
  /** Extra duty on goods originating in China (anti-dumping / countervailing). */
  surchargeCN: number;
  /** Median unit value, USD. */
  unitUsd: number;
  kgPerUnit: number;
  /** Origins and their weights. */
  makers: readonly (readonly [string, number])[];
  /** A lower-duty heading a dishonest declarant might put the goods under. */
  misclassifyAs?: string;
  /** Sold in parcels to consumers. */
  parcel?: boolean;
}

// One heading per line reads as a table.
// prettier-ignore
export const HEADINGS: readonly Heading[] = [
  { hs: '731815', description: 'steel bolts and screws', rate: 0.037, surchargeCN: 0.85, unitUsd: 0.12, kgPerUnit: 0.03, makers: [['CN', 6], ['TW', 2], ['DE', 1], ['IN', 1]] },
  { hs: '760410', description: 'aluminium profiles', rate: 0.06, surchargeCN: 0.32, unitUsd: 9, kgPerUnit: 2.5, makers: [['CN', 5], ['TR', 2], ['DE', 1], ['AE', 1]] },
  { hs: '854143', description: 'photovoltaic modules', rate: 0, surchargeCN: 0.55, unitUsd: 110, kgPerUnit: 22, makers: [['CN', 7], ['VN', 1], ['MY', 1], ['KR', 1]] },
  { hs: '871200', description: 'bicycles', rate: 0.14, surchargeCN: 0.48, unitUsd: 95, kgPerUnit: 14, makers: [['CN', 5], ['TW', 3], ['KH', 1], ['VN', 1]] },
  { hs: '690721', description: 'ceramic floor tiles', rate: 0.05, surchargeCN: 0.7, unitUsd: 7, kgPerUnit: 20, makers: [['CN', 4], ['ES', 2], ['IT', 2], ['IN', 2]] },
  { hs: '441231', description: 'tropical plywood', rate: 0.07, surchargeCN: 0.18, unitUsd: 16, kgPerUnit: 18, makers: [['CN', 4], ['ID', 2], ['MY', 2], ['BR', 1]] },
  { hs: '870870', description: 'steel road wheels', rate: 0.045, surchargeCN: 0.5, unitUsd: 38, kgPerUnit: 11, makers: [['CN', 5], ['TH', 2], ['IN', 1]] },
  { hs: '852852', description: 'computer monitors', rate: 0.14, surchargeCN: 0, unitUsd: 120, kgPerUnit: 5, makers: [['CN', 5], ['KR', 2], ['VN', 2], ['MX', 1]], misclassifyAs: '847330' },
  { hs: '847330', description: 'parts of computers', rate: 0, surchargeCN: 0, unitUsd: 18, kgPerUnit: 0.4, makers: [['CN', 5], ['TW', 3], ['MY', 2]], parcel: true },
  { hs: '640399', description: 'leather footwear', rate: 0.08, surchargeCN: 0, unitUsd: 21, kgPerUnit: 0.9, makers: [['CN', 4], ['VN', 3], ['IN', 1], ['IT', 1]], misclassifyAs: '640419', parcel: true },
  { hs: '640419', description: 'textile footwear', rate: 0.04, surchargeCN: 0, unitUsd: 9, kgPerUnit: 0.7, makers: [['CN', 4], ['VN', 3], ['ID', 2]], parcel: true },
  { hs: '611030', description: 'synthetic knitted jumpers', rate: 0.12, surchargeCN: 0, unitUsd: 6, kgPerUnit: 0.35, makers: [['CN', 4], ['BD', 3], ['TR', 2], ['KH', 1]], parcel: true },
  { hs: '620462', description: "women's cotton trousers", rate: 0.12, surchargeCN: 0, unitUsd: 7.5, kgPerUnit: 0.45, makers: [['BD', 4], ['CN', 3], ['PK', 2], ['TR', 1]], parcel: true },
  { hs: '330499', description: 'skin-care preparations', rate: 0.065, surchargeCN: 0, unitUsd: 4, kgPerUnit: 0.15, makers: [['KR', 4], ['FR', 2], ['CN', 2], ['US', 1]], parcel: true },
  { hs: '851762', description: 'network switches and routers', rate: 0.02, surchargeCN: 0, unitUsd: 45, kgPerUnit: 0.8, makers: [['CN', 5], ['TW', 2], ['MY', 1], ['MX', 1]], parcel: true },
  { hs: '871160', description: 'electric bicycles', rate: 0.06, surchargeCN: 0.79, unitUsd: 420, kgPerUnit: 24, makers: [['CN', 6], ['TW', 2], ['VN', 1]], misclassifyAs: '871499' },
  { hs: '871499', description: 'bicycle parts', rate: 0.047, surchargeCN: 0, unitUsd: 6, kgPerUnit: 0.5, makers: [['CN', 4], ['TW', 3], ['JP', 1]] },
  { hs: '940171', description: 'upholstered seats with metal frames', rate: 0.027, surchargeCN: 0, unitUsd: 75, kgPerUnit: 16, makers: [['CN', 4], ['VN', 3], ['PL', 2], ['MY', 1]] },
  { hs: '392690', description: 'plastic articles', rate: 0.065, surchargeCN: 0, unitUsd: 1.1, kgPerUnit: 0.12, makers: [['CN', 6], ['DE', 1], ['TH', 1]], parcel: true },
  { hs: '950300', description: 'toys', rate: 0.047, surchargeCN: 0, unitUsd: 5, kgPerUnit: 0.4, makers: [['CN', 8], ['VN', 1], ['DK', 1]], parcel: true },
  { hs: '090111', description: 'green coffee', rate: 0, surchargeCN: 0, unitUsd: 4.8, kgPerUnit: 1, makers: [['BR', 4], ['VN', 3], ['CO', 2], ['ET', 1]] },
  { hs: '220421', description: 'wine in bottles', rate: 0.032, surchargeCN: 0, unitUsd: 5.5, kgPerUnit: 1.3, makers: [['FR', 3], ['IT', 3], ['ES', 2], ['CL', 1], ['AU', 1]] },
  { hs: '847130', description: 'laptops', rate: 0, surchargeCN: 0, unitUsd: 520, kgPerUnit: 2.1, makers: [['CN', 7], ['TW', 1], ['VN', 1]] },
  { hs: '401110', description: 'car tyres', rate: 0.045, surchargeCN: 0.22, unitUsd: 42, kgPerUnit: 9, makers: [['CN', 4], ['TH', 2], ['KR', 1], ['DE', 1], ['JP', 1]] },
];

const BY_HS = new Map(HEADINGS.map((h) => [h.hs, h]));

export function heading(hs: string): Heading {
  const h = BY_HS.get(hs);
  if (!h) throw new Error(`meridian: unknown heading ${hs}`);
  return h;
}

/** Duty rate for goods of this heading and origin (the surcharge included). */
export function dutyRate(hs: string, origin: string | null): number {
  const h = heading(hs);
  return h.rate + (origin === 'CN' ? h.surchargeCN : 0);
}

/** Headings under a surcharge on Chinese origin: what transshipment rings route via hubs. */
export const SURCHARGED = HEADINGS.filter((h) => h.surchargeCN > 0);
export const MISCLASSIFIABLE = HEADINGS.filter((h) => h.misclassifyAs !== undefined);
export const PARCEL_GOODS = HEADINGS.filter((h) => h.parcel === true);
export const HUBS = ['MY', 'VN', 'TH', 'ID', 'TW', 'TR', 'AE'] as const;
/** Trading countries whose firms sell goods made elsewhere. */
export const TRADING_COUNTRIES = ['HK', 'SG', 'NL', 'DE', 'AE', 'GB'] as const;
