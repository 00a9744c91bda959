// Maps one validated registry row to its party node, the identifier nodes it shares (joined by
// HAS_ADDRESS / HAS_PHONE / HAS_EMAIL / HAS_ACCOUNT when written) and its directors (DIRECTS).
import type { IdentifierLabel, NodeLabel, SourceRef } from '../model/index.ts';
import { normaliseIdentifier } from '../model/identifiers.ts';
import type { EntityKind } from './fields.ts';
import type { RowIssue, TypedRow } from './row-schema.ts';
import { definedProps, node, type RowGraph } from './row-graph.ts';

const LABEL_OF_KIND: Record<EntityKind, NodeLabel> = {
  importer: 'Importer',
  consignee: 'Consignee',
  broker: 'Broker',
  supplier: 'Supplier',
  person: 'Person',
};

const IDENTIFIER_FIELDS: [field: string, label: IdentifierLabel][] = [
  ['address', 'Address'],
  ['phone', 'Phone'],
  ['email', 'Email'],
  ['bank_account', 'BankAccount'],
];

const text = (row: TypedRow, field: string): string | undefined => {
  const v = row[field];
  return typeof v === 'string' ? v : undefined;
};

export function mapEntity(row: TypedRow, source: SourceRef): { graph: RowGraph } | { issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const kind = (text(row, 'kind') ?? 'importer') as EntityKind;
  const party = { label: LABEL_OF_KIND[kind], id: text(row, 'entity_id') ?? '' };
  const registeredOn = text(row, 'registered_on');
  const closedOn = text(row, 'closed_on');
  if (registeredOn !== undefined && closedOn !== undefined && closedOn < registeredOn) {
    issues.push({
      field: 'closed_on',
      code: 'invalid_date_range',
      message: `closed_on ${closedOn} is before registered_on ${registeredOn}`,
    });
  }
  const props = definedProps({
    closedOn,
    country: text(row, 'country'),
    inRegistry: true,
    name: text(row, 'name'),
    registeredOn,
  });
  const graph: RowGraph = { owned: { label: party.label, id: party.id, props }, ends: [] };

  for (const [field, label] of IDENTIFIER_FIELDS) {
    const raw = text(row, field);
    if (raw === undefined) continue;
    const id = normaliseIdentifier(label, raw);
    if (id === null || (label === 'Email' && !/^[^@\s]+@[^@\s]+$/.test(raw))) {
      issues.push({
        field,
        code: 'invalid_identifier',
        message: `${JSON.stringify(raw)} is not a usable ${field.replace('_', ' ')}`,
      });
      continue;
    }
    graph.ends.push(node({ label, id }, { value: raw }, source));
  }

  const directors = row.director_ids;
  if (Array.isArray(directors) && directors.length > 0) {
    if (kind === 'person') {
      issues.push({
        field: 'director_ids',
        code: 'invalid_value',
        message: 'a person has no directors; director_ids belongs on business rows',
      });
    }
    for (const personId of directors) {
      graph.ends.push(node({ label: 'Person', id: personId }, { inRegistry: false }, source));
    }
  }
  return issues.length > 0 ? { issues } : { graph };
}
