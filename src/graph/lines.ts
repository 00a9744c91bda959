// The declaration-line table and its unit-value statistics, filled one line at a time while the
// store streams shipments: columns of primitives, so the large world fits where objects would not.
import type { ShipmentRecord } from '../model/index.ts';
import { median, robustScale } from './robust.ts';
import { hsHeading, type LineTable, type UnitValueGroup } from './view.ts';

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

/** Interns party keys so each line stores small integers instead of strings. */
export class PartyIndex {
  private readonly index = new Map<string, number>();
  constructor(private readonly keys: string[]) {}

  of(key: string | null): number {
    if (key === null) return -1;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.index.set(key, i);
    }
    return i;
  }
}

export function appendLine(table: LineTable, parties: PartyIndex, s: ShipmentRecord): void {
  table.declarationId.push(s.declarationId);
  table.line.push(s.line);
  table.date.push(s.date);
  table.hsCode.push(s.hsCode);
  table.origin.push(s.originCountry ?? null);
  table.departure.push(s.departureCountry ?? null);
  table.importer.push(parties.of(`Importer:${s.importerId}`));
  table.broker.push(parties.of(s.brokerId === null ? null : `Broker:${s.brokerId}`));
  table.consignee.push(parties.of(s.consigneeId === null ? null : `Consignee:${s.consigneeId}`));
  table.supplier.push(parties.of(s.supplierId === null ? null : `Supplier:${s.supplierId}`));
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

export interface UnitValueOptions {
  /** Fewest lines a heading+origin group needs before its own statistics are trusted. */
  minGroupLines: number;
  /** Floor on the robust scale of log unit value (0.05 ≈ 5 %), so tight groups do not explode. */
  minScale: number;
}

function groupStats(key: string, logs: number[], minScale: number): UnitValueGroup {
  const centre = median(logs);
  return {
    key,
    count: logs.length,
    medianLogUnitValue: centre,
    scale: Math.max(minScale, robustScale(logs, centre)),
  };
}

/**
 * Robust z-scores of log unit value per HS heading and origin, falling back to the heading
 * alone where the heading+origin group is too small to trust. Fills unitValueZScore and
 * expectedValue in place and returns the groups used.
 */
export function scoreUnitValues(table: LineTable, options: UnitValueOptions): Map<string, UnitValueGroup> {
  const byGroup = new Map<string, number[]>();
  const push = (key: string, v: number): void => {
    const list = byGroup.get(key);
    if (list) list.push(v);
    else byGroup.set(key, [v]);
  };
  for (let i = 0; i < table.size; i++) {
    const uv = table.unitValue[i] ?? Number.NaN;
    if (!(uv > 0)) continue;
    const heading = hsHeading(table.hsCode[i] ?? '');
    const log = Math.log(uv);
    push(heading, log);
    push(`${heading}|${table.origin[i] ?? '??'}`, log);
  }
  const groups = new Map<string, UnitValueGroup>();
  for (const [key, logs] of byGroup) {
    if (logs.length >= options.minGroupLines || !key.includes('|'))
      groups.set(key, groupStats(key, logs, options.minScale));
  }
  for (let i = 0; i < table.size; i++) {
    const uv = table.unitValue[i] ?? Number.NaN;
    if (!(uv > 0)) continue;
    const heading = hsHeading(table.hsCode[i] ?? '');
    const group = groups.get(`${heading}|${table.origin[i] ?? '??'}`) ?? groups.get(heading);
    if (!group || group.count < options.minGroupLines) continue;
    table.unitValueZScore[i] = (Math.log(uv) - group.medianLogUnitValue) / group.scale;
    table.expectedValue[i] = ((table.customsValue[i] ?? 0) / uv) * Math.exp(group.medianLogUnitValue);
  }
  return groups;
}

/**
 * Median duty rate per `heading|origin` (and per heading): the stated rate, else the rate implied
 * by duty paid ÷ customs value. Medians, so the few lines that evade do not move the rate.
 */
export function dutyRatesByGroup(table: LineTable): Map<string, number> {
  const rates = new Map<string, number[]>();
  for (let i = 0; i < table.size; i++) {
    const paid = table.dutyPaid[i];
    const value = table.customsValue[i] ?? 0;
    const rate =
      table.dutyRate[i] ?? (paid !== null && paid !== undefined && value > 0 ? paid / value : null);
    if (rate === null) continue;
    const heading = hsHeading(table.hsCode[i] ?? '');
    for (const key of [heading, `${heading}|${table.origin[i] ?? '??'}`]) {
      const list = rates.get(key);
      if (list) list.push(rate);
      else rates.set(key, [rate]);
    }
  }
  return new Map([...rates].map(([k, v]) => [k, median(v)]));
}
