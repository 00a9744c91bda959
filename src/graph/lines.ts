// The declaration-line table, filled one line at a time while the store streams shipments:
// typed numeric columns and shared strings, so the large world fits where objects would not.
import type { PartyLabel, ShipmentRecord } from '../model/index.ts';
import type { DetectionLineChunk, DetectionLineParty } from '../store/graph-store.ts';
import type { LineTable } from './view.ts';

export function emptyLineTable(): LineTable {
  return {
    size: 0,
    partyKeys: [],
    declarationId: [],
    line: new Int32Array(0),
    date: [],
    hsCode: [],
    origin: [],
    departure: [],
    importer: new Int32Array(0),
    broker: new Int32Array(0),
    consignee: new Int32Array(0),
    supplier: new Int32Array(0),
    customsValue: new Float64Array(0),
    dutyRate: new Float64Array(0),
    dutyPaid: new Float64Array(0),
    illicit: new Int8Array(0),
    unitValue: new Float64Array(0),
    unitValueZScore: new Float64Array(0),
    expectedValue: new Float64Array(0),
  };
}

type NumericColumn = {
  [K in keyof LineTable]: LineTable[K] extends Int32Array | Float64Array | Int8Array ? K : never;
}[keyof LineTable];

const NUMERIC_COLUMNS: readonly NumericColumn[] = [
  'line',
  'importer',
  'broker',
  'consignee',
  'supplier',
  'customsValue',
  'dutyRate',
  'dutyPaid',
  'illicit',
  'unitValue',
  'unitValueZScore',
  'expectedValue',
];

/** Grows the typed columns by doubling: the line count is not known until the stream ends. */
function grow(table: LineTable, capacity = Math.max(1024, table.line.length * 2)): void {
  for (const name of NUMERIC_COLUMNS) {
    const old = table[name];
    const next = new (old.constructor as new (n: number) => typeof old)(capacity);
    next.set(old);
    (table as unknown as Record<NumericColumn, typeof old>)[name] = next;
  }
}

/**
 * Interns the parties of one label so each line stores small integers instead of strings. The
 * `Label:id` key is built once per party, not once per line; and since a declaration's lines
 * arrive together and mostly name the same parties, the last id answers most lines without a
 * map lookup.
 */
class LabelIndex {
  private readonly ids = new Map<string, number>();
  private lastId: string | null = null;
  private lastIndex = -1;
  constructor(
    private readonly label: PartyLabel,
    private readonly keys: string[],
  ) {}

  of(id: string): number {
    if (id === this.lastId) return this.lastIndex;
    let i = this.ids.get(id);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(`${this.label}:${id}`);
      this.ids.set(id, i);
    }
    this.lastId = id;
    this.lastIndex = i;
    return i;
  }
}

/** Interns parties of every label into one key list, in order of first appearance. */
export class PartyIndex {
  private readonly byLabel = new Map<PartyLabel, LabelIndex>();
  constructor(private readonly keys: string[]) {}

  /** The interner of one label's parties (one per label, sharing the key list). */
  label(label: PartyLabel): LabelIndex {
    let index = this.byLabel.get(label);
    if (!index) this.byLabel.set(label, (index = new LabelIndex(label, this.keys)));
    return index;
  }

  /** The party's index, -1 when the line names none (null or empty id). */
  of(label: PartyLabel, id: string | null): number {
    return id === null || id === '' ? -1 : this.label(label).of(id);
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
  /** The four party columns' interners, resolved once rather than by label on every line. */
  importers: LabelIndex;
  brokers: LabelIndex;
  consignees: LabelIndex;
  suppliers: LabelIndex;
  strings: Interner;
}

/**
 * A builder for about `expectedLines` lines (the store's count when it keeps one): the typed
 * columns are allocated once at that size, because each large allocation outside the heap
 * makes the collector run a full collection of the growing view.
 */
export function lineBuilder(expectedLines = 0): LineBuilder {
  const table = emptyLineTable();
  if (expectedLines > 0) grow(table, expectedLines);
  const parties = new PartyIndex(table.partyKeys);
  return {
    table,
    parties,
    importers: parties.label('Importer'),
    brokers: parties.label('Broker'),
    consignees: parties.label('Consignee'),
    suppliers: parties.label('Supplier'),
    strings: new Interner(),
  };
}

/** The table with its typed columns trimmed to the lines appended (the builder is spent). */
export function finishLines({ table }: LineBuilder): LineTable {
  if (table.line.length === table.size) return table;
  for (const name of NUMERIC_COLUMNS) {
    (table as unknown as Record<NumericColumn, Int32Array | Float64Array | Int8Array>)[name] = table[
      name
    ].slice(0, table.size);
  }
  return table;
}

/** The shared string for `value`: the previous line's when equal (a declaration's lines mostly are). */
function shared(strings: Interner, previous: string | null | undefined, value: string): string {
  return previous === value ? previous : strings.of(value);
}

/** The party's index in one column, -1 when the line names none (null or empty id). */
function partyOf(index: LabelIndex, id: string | null): number {
  return id === null || id === '' ? -1 : index.of(id);
}

export function appendLine(builder: LineBuilder, s: ShipmentRecord): void {
  const { table, strings } = builder;
  const i = table.size;
  if (i === table.line.length) grow(table);
  // A declaration's lines arrive together: its id is shared rather than held once per line.
  const previous = table.declarationId[i - 1];
  table.declarationId.push(previous === s.declarationId ? previous : s.declarationId);
  table.line[i] = s.line;
  table.date.push(shared(strings, table.date[i - 1], s.date));
  table.hsCode.push(shared(strings, table.hsCode[i - 1], s.hsCode));
  table.origin.push(s.originCountry ? shared(strings, table.origin[i - 1], s.originCountry) : null);
  table.departure.push(
    s.departureCountry ? shared(strings, table.departure[i - 1], s.departureCountry) : null,
  );
  table.importer[i] = partyOf(builder.importers, s.importerId);
  table.broker[i] = partyOf(builder.brokers, s.brokerId);
  table.consignee[i] = partyOf(builder.consignees, s.consigneeId);
  table.supplier[i] = partyOf(builder.suppliers, s.supplierId);
  table.customsValue[i] = s.customsValue;
  table.dutyRate[i] = s.dutyRate ?? Number.NaN;
  table.dutyPaid[i] = s.dutyPaid ?? Number.NaN;
  table.illicit[i] = s.illicit === true ? 1 : s.illicit === false ? 0 : -1;
  const measure =
    s.netMassKg && s.netMassKg > 0 ? s.netMassKg : s.quantity && s.quantity > 0 ? s.quantity : 0;
  table.unitValue[i] = measure > 0 && s.customsValue > 0 ? s.customsValue / measure : Number.NaN;
  table.unitValueZScore[i] = Number.NaN;
  table.expectedValue[i] = Number.NaN;
  table.size += 1;
}

const PARTY_KINDS = ['importer', 'broker', 'consignee', 'supplier'] as const;
const STRING_FIELDS = ['declarationId', 'date', 'hsCode', 'origin', 'departure'] as const;

/**
 * Appends a store's lines packed in columns (its DetectionLineChunks, in stream order) to a
 * builder: the table gets what appendLine gives it for each line's ShipmentRecord, and the
 * parties are interned in the same order (a party when the first line kept names it).
 */
export class LineChunkReader {
  private readonly strings = emptyLists(STRING_FIELDS);
  private readonly parties = emptyLists(PARTY_KINDS);
  /** A chunk's party number → the party's index in the table, once a kept line names it. */
  private readonly partyIndex = emptyLists<readonly DetectionLineParty[], number>(PARTY_KINDS);
  private readonly labels: Record<DetectionLineParty, LabelIndex>;

  constructor(private readonly builder: LineBuilder) {
    this.labels = {
      importer: builder.importers,
      broker: builder.brokers,
      consignee: builder.consignees,
      supplier: builder.suppliers,
    };
  }

  /** Appends the chunk's lines dated within [from, to] (either null: open). */
  append(chunk: DetectionLineChunk, from: string | null, to: string | null): void {
    for (const field of STRING_FIELDS)
      for (const value of chunk.strings[field]) this.strings[field].push(value);
    for (const kind of PARTY_KINDS) for (const id of chunk.parties[kind]) this.parties[kind].push(id);
    const { table } = this.builder;
    const { declarationId, date, hsCode, origin, departure } = this.strings;
    for (let k = 0; k < chunk.size; k++) {
      const day = date[chunk.date[k]!]!;
      if ((from && day < from) || (to && day > to)) continue;
      const i = table.size;
      if (i === table.line.length) grow(table);
      const declaration = declarationId[chunk.declarationId[k]!]!;
      const previous = table.declarationId[i - 1];
      table.declarationId.push(previous === declaration ? previous : declaration);
      table.line[i] = chunk.line[k]!;
      table.date.push(day);
      table.hsCode.push(hsCode[chunk.hsCode[k]!]!);
      table.origin.push(origin[chunk.origin[k]!] || null);
      table.departure.push(departure[chunk.departure[k]!] || null);
      table.importer[i] = this.party(chunk, 'importer', k);
      table.broker[i] = this.party(chunk, 'broker', k);
      table.consignee[i] = this.party(chunk, 'consignee', k);
      table.supplier[i] = this.party(chunk, 'supplier', k);
      const value = chunk.customsValue[k]!;
      table.customsValue[i] = value;
      table.dutyRate[i] = chunk.dutyRate[k]!;
      table.dutyPaid[i] = chunk.dutyPaid[k]!;
      table.illicit[i] = chunk.illicit[k]!;
      // NaN (unknown) is falsy, as null is in appendLine.
      const netMassKg = chunk.netMassKg[k]!;
      const quantity = chunk.quantity[k]!;
      const measure = netMassKg && netMassKg > 0 ? netMassKg : quantity && quantity > 0 ? quantity : 0;
      table.unitValue[i] = measure > 0 && value > 0 ? value / measure : Number.NaN;
      table.unitValueZScore[i] = Number.NaN;
      table.expectedValue[i] = Number.NaN;
      table.size += 1;
    }
  }

  /** The table index of the line's party of one kind, -1 when it names none. */
  private party(chunk: DetectionLineChunk, kind: DetectionLineParty, k: number): number {
    const number = chunk[kind][k]!;
    if (number < 0) return -1;
    const known = this.partyIndex[kind];
    let index = known[number];
    if (index === undefined) known[number] = index = this.labels[kind].of(this.parties[kind][number]!);
    return index;
  }
}

function emptyLists<K extends readonly string[], V = string>(keys: K): Record<K[number], V[]> {
  return Object.fromEntries(keys.map((key) => [key, [] as V[]])) as Record<K[number], V[]>;
}
