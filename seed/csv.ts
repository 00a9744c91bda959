// Canonical CSV rows (issue 2's formats) and a buffered writer that respects back-pressure, so
// the largest world streams to disk in bounded memory.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { isoDay } from './calendar.ts';
import type { Registry } from './registry.ts';
import type { DeclarationDraft, Entity, LineDraft } from './types.ts';

export const DECLARATION_COLUMNS = [
  'declaration_id',
  'line',
  'date',
  'office',
  'importer_id',
  'importer_name',
  'broker_id',
  'broker_name',
  'consignee_id',
  'consignee_name',
  'supplier_id',
  'supplier_name',
  'supplier_country',
  'hs_code',
  'description',
  'origin_country',
  'departure_country',
  'quantity',
  'net_mass_kg',
  'gross_mass_kg',
  'customs_value',
  'currency',
  'duty_paid',
  'inspected',
  'illicit',
  'revenue_recovered',
] as const;

export const ENTITY_COLUMNS = [
  'entity_id',
  'kind',
  'name',
  'country',
  'registered_on',
  'closed_on',
  'address',
  'phone',
  'email',
  'bank_account',
  'director_ids',
] as const;

/** RFC 4180 field: quoted only when it holds a comma, quote, line break or edge space. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly (string | number | null)[]): string {
  return values.map(csvField).join(',') + '\n';
}

/** What an inspection found on a line, when it was inspected. */
export interface Inspection {
  inspected: boolean;
  /** Set only when inspected. */
  illicit: boolean | null;
  revenueRecovered: number | null;
}

export function declarationRow(
  registry: Registry,
  declarationId: string,
  lineNo: number,
  d: DeclarationDraft,
  line: LineDraft,
  inspection: Inspection,
): string {
  const name = (id: string | null) => (id ? registry.get(id).name : null);
  const supplierCountry = d.supplierId ? registry.get(d.supplierId).country : null;
  return csvRow([
    declarationId,
    lineNo,
    isoDay(d.day),
    d.office,
    d.importerId,
    name(d.importerId),
    d.brokerId,
    name(d.brokerId),
    d.consigneeId,
    name(d.consigneeId),
    d.supplierId,
    name(d.supplierId),
    supplierCountry,
    line.hsCode,
    line.description,
    line.originCountry,
    line.departureCountry,
    line.quantity,
    line.netMassKg.toFixed(1),
    line.grossMassKg.toFixed(1),
    line.customsValue.toFixed(2),
    'EUR',
    line.dutyPaid.toFixed(2),
    String(inspection.inspected),
    inspection.illicit === null ? null : String(inspection.illicit),
    inspection.revenueRecovered === null ? null : inspection.revenueRecovered.toFixed(2),
  ]);
}

export function entityRow(e: Entity): string {
  return csvRow([
    e.id,
    e.kind,
    e.name,
    e.country,
    e.registeredOn,
    e.closedOn,
    e.address,
    e.phone,
    e.email,
    e.bankAccount,
    e.directorIds.join(';') || null,
  ]);
}

/**
 * Copies rows into one reused buffer and hands it to the file when full, waiting until the file
 * has taken it. Row strings die young, so memory stays flat however many rows are written.
 */
export class ChunkedWriter {
  private readonly stream: WriteStream;
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private failure: Error | null = null;

  constructor(private readonly path: string) {
    this.stream = createWriteStream(path);
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  async write(text: string): Promise<void> {
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > this.buffer.length) await this.flush();
    if (text.length * 3 > this.buffer.length) {
      await this.put(Buffer.from(text, 'utf8'));
      return;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    this.check();
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.put(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private async put(chunk: Buffer): Promise<void> {
    this.check();
    await new Promise<void>((resolve, reject) =>
      this.stream.write(chunk, (error) =>
        error
          ? reject(new Error(`cannot write ${this.path}: ${error.message}`, { cause: error }))
          : resolve(),
      ),
    );
  }

  private check(): void {
    if (this.failure)
      throw new Error(`cannot write ${this.path}: ${this.failure.message}`, { cause: this.failure });
  }
}
