// The declaration-line table, filled one line at a time while the store streams shipments:
// columns of primitives, so the large world fits where objects would not.
import type { PartyLabel, ShipmentRecord } from '../model/index.ts';
import type { LineTable } from './view.ts';

export function emptyLineTable(): LineTable {
  return {
    size: 0,
    partyKeys: [],
    declarationId: [],
    line: [],
    date: [],
    hsCode: [],
    origin: [],
    departure: [],
    importer: [],
    broker: [],
    consignee: [],
    supplier: [],
    customsValue: [],
    dutyRate: [],
    dutyPaid: [],
    illicit: [],
    unitValue: [],
    unitValueZScore: [],
    expectedValue: [],
  };
}

/**
 * Interns parties so each line stores small integers instead of strings. Looked up by label and
 * raw id, so the `Label:id` key is built once per party, not once per line.
 */
export class PartyIndex {
  private readonly byLabel = new Map<string, Map<string, number>>();
  constructor(private readonly keys: string[]) {}

  /** The party's index, -1 when the line names none (null or empty id). */
  of(label: PartyLabel, id: string | null): number {
    if (id === null || id === '') return -1;
    let ids = this.byLabel.get(label);
    if (!ids) this.byLabel.set(label, (ids = new Map<string, number>()));
    let i = ids.get(id);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(`${label}:${id}`);
      ids.set(id, i);
    }
    return i;
  }
}

/**
 * Shares one string per distinct value (dates, HS codes, countries repeat across millions of
 * lines), so the table holds references rather than copies.
 */
export class Interner {
  private readonly values = new Map<string, string>();

  of(value: string): string {
    const known = this.values.get(value);
    if (known !== undefined) return known;
    this.values.set(value, value);
    return value;
  }
}

export interface LineBuilder {
  table: LineTable;
  parties: PartyIndex;
  strings: Interner;
}

export function lineBuilder(table: LineTable = emptyLineTable()): LineBuilder {
  return { table, parties: new PartyIndex(table.partyKeys), strings: new Interner() };
}

export function appendLine({ table, parties, strings }: LineBuilder, s: ShipmentRecord): void {
  table.declarationId.push(s.declarationId);
  table.line.push(s.line);
  table.date.push(strings.of(s.date));
  table.hsCode.push(strings.of(s.hsCode));
  table.origin.push(s.originCountry ? strings.of(s.originCountry) : null);
  table.departure.push(s.departureCountry ? strings.of(s.departureCountry) : null);
  table.importer.push(parties.of('Importer', s.importerId));
  table.broker.push(parties.of('Broker', s.brokerId));
  table.consignee.push(parties.of('Consignee', s.consigneeId));
  table.supplier.push(parties.of('Supplier', s.supplierId));
  table.customsValue.push(s.customsValue);
  table.dutyRate.push(s.dutyRate ?? null);
  table.dutyPaid.push(s.dutyPaid ?? null);
  table.illicit.push(s.illicit === true ? 1 : s.illicit === false ? 0 : -1);
  const measure =
    s.netMassKg && s.netMassKg > 0 ? s.netMassKg : s.quantity && s.quantity > 0 ? s.quantity : 0;
  table.unitValue.push(measure > 0 && s.customsValue > 0 ? s.customsValue / measure : Number.NaN);
  table.unitValueZScore.push(Number.NaN);
  table.expectedValue.push(Number.NaN);
  table.size += 1;
}
