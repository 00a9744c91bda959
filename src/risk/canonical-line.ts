// One canonical declaration row (the fields of declarations.csv, already typed) as the line the
// risk model reads. The one mapping `ringscope train`, `ringscope score` and the API's
// `POST /api/declarations/score` share, so a line scores the same whichever way it arrives.
import type { ShipmentRecord } from '../model/index.ts';
import type { RiskLine } from './features.ts';

/** A typed canonical row: field name → value (ingest's TypedRow, or a validated JSON line). */
export type CanonicalRow = Readonly<Partial<Record<string, unknown>>>;

const text = (row: CanonicalRow, field: string): string | null => {
  const v = row[field];
  return typeof v === 'string' && v !== '' ? v : null;
};
const amount = (row: CanonicalRow, field: string): number | null => {
  const v = row[field];
  return typeof v === 'number' ? v : null;
};

/** The inspection result a row states: fraud (KCS), else illicit or revenue recovered. */
export function labelOf(row: CanonicalRow): boolean | null {
  if (typeof row.fraud === 'boolean') return row.fraud;
  if (row.inspected === false) return null;
  const found = row.illicit === true || (amount(row, 'revenue_recovered') ?? 0) > 0;
  if (row.inspected === true || typeof row.illicit === 'boolean') return found;
  return null;
}

/**
 * The model's line for a canonical row; `lineNo` numbers it when the row has no `line`, and
 * `attributes` are the procedure columns the row carries beside the canonical fields.
 */
export function riskLineOf(
  row: CanonicalRow,
  lineNo: number,
  attributes: Readonly<Record<string, string>>,
): RiskLine {
  return {
    declarationId: text(row, 'declaration_id') ?? '',
    line: amount(row, 'line') ?? lineNo,
    date: text(row, 'date') ?? '',
    office: text(row, 'office'),
    hsCode: text(row, 'hs_code') ?? '',
    originCountry: text(row, 'origin_country'),
    departureCountry: text(row, 'departure_country'),
    dutyRate: amount(row, 'duty_rate'),
    customsValue: amount(row, 'customs_value') ?? 0,
    netMassKg: amount(row, 'net_mass_kg'),
    declarantId: text(row, 'broker_id'),
    importerId: text(row, 'importer_id'),
    sellerId: text(row, 'supplier_id'),
    courierId: text(row, 'courier_id'),
    dutyPaid: amount(row, 'duty_paid'),
    attributes,
    label: labelOf(row),
  };
}

/** A stored declaration line (a Shipment with its parties' ids) as the canonical row it came from. */
export function canonicalRowOfShipment(s: ShipmentRecord): CanonicalRow {
  return {
    declaration_id: s.declarationId,
    line: s.line,
    date: s.date,
    office: s.office ?? null,
    hs_code: s.hsCode,
    origin_country: s.originCountry ?? null,
    departure_country: s.departureCountry ?? null,
    duty_rate: s.dutyRate ?? null,
    customs_value: s.customsValue,
    net_mass_kg: s.netMassKg ?? null,
    duty_paid: s.dutyPaid ?? null,
    broker_id: s.brokerId,
    importer_id: s.importerId,
    supplier_id: s.supplierId,
    courier_id: s.courierId ?? null,
    inspected: s.inspected ?? null,
    illicit: s.illicit ?? null,
    revenue_recovered: s.revenueRecovered ?? null,
    fraud: s.fraud ?? null,
  };
}
