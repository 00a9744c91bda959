// The canonical input format, a published contract: the columns of declarations.csv and
// entities.csv, their types and which are required. Presets and mapping files map onto these.
export type FieldType =
  | 'id'
  | 'text'
  | 'date'
  | 'line'
  | 'amount'
  | 'boolean'
  | 'country'
  | 'currency'
  | 'hs_code'
  | 'kind'
  | 'id_list';

export interface FieldSpec {
  type: FieldType;
  required?: true;
}

export const DECLARATION_FIELDS = {
  declaration_id: { type: 'id', required: true },
  line: { type: 'line' },
  date: { type: 'date', required: true },
  office: { type: 'text' },
  importer_id: { type: 'id', required: true },
  importer_name: { type: 'text' },
  broker_id: { type: 'id' },
  broker_name: { type: 'text' },
  consignee_id: { type: 'id' },
  consignee_name: { type: 'text' },
  supplier_id: { type: 'id' },
  supplier_name: { type: 'text' },
  supplier_country: { type: 'country' },
  hs_code: { type: 'hs_code', required: true },
  description: { type: 'text' },
  origin_country: { type: 'country' },
  departure_country: { type: 'country' },
  quantity: { type: 'amount' },
  net_mass_kg: { type: 'amount' },
  gross_mass_kg: { type: 'amount' },
  customs_value: { type: 'amount', required: true },
  currency: { type: 'currency' },
  duty_paid: { type: 'amount' },
  inspected: { type: 'boolean' },
  illicit: { type: 'boolean' },
  revenue_recovered: { type: 'amount' },
  // Optional extensions of the contract, filled by presets or by files that have them.
  duty_rate: { type: 'amount' },
  fob_value: { type: 'amount' },
  fraud: { type: 'boolean' },
  critical_fraud: { type: 'boolean' },
  courier_id: { type: 'id' },
} as const satisfies Record<string, FieldSpec>;
export type DeclarationField = keyof typeof DECLARATION_FIELDS;

export const ENTITY_FIELDS = {
  entity_id: { type: 'id', required: true },
  kind: { type: 'kind', required: true },
  name: { type: 'text' },
  country: { type: 'country' },
  registered_on: { type: 'date' },
  closed_on: { type: 'date' },
  address: { type: 'text' },
  phone: { type: 'text' },
  email: { type: 'text' },
  bank_account: { type: 'text' },
  director_ids: { type: 'id_list' },
} as const satisfies Record<string, FieldSpec>;
export type EntityField = keyof typeof ENTITY_FIELDS;

export type FileKind = 'declarations' | 'entities';

export const FIELDS_OF: Record<FileKind, Record<string, FieldSpec>> = {
  declarations: DECLARATION_FIELDS,
  entities: ENTITY_FIELDS,
};

export function requiredFields(kind: FileKind): string[] {
  return Object.entries(FIELDS_OF[kind])
    .filter(([, spec]) => spec.required === true)
    .map(([name]) => name);
}

export const ENTITY_KINDS = ['importer', 'consignee', 'broker', 'supplier', 'person'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
