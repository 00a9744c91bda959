// The generator's working records: registry entities and declaration drafts before they get
// their declaration ids and are written out as canonical CSV rows.
import type { Heading } from './catalogue.ts';

export type EntityKind = 'importer' | 'consignee' | 'broker' | 'supplier' | 'person';

/** One row of entities.csv. Days are indices from the first day of the period. */
export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  country: string;
  registeredOn: string | null;
  closedOn: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  bankAccount: string | null;
  directorIds: string[];
}

/** One declaration line, with the ground truth the CSV does not show. */
export interface LineDraft {
  heading: Heading;
  hsCode: string;
  description: string;
  originCountry: string;
  departureCountry: string;
  quantity: number;
  netMassKg: number;
  grossMassKg: number;
  customsValue: number;
  dutyPaid: number;
  /** True when the line is part of a planted fraud (whether or not it is ever inspected). */
  illicit: boolean;
  /** Duty shortfall of this line (0 for lawful lines). */
  revenueAtRisk: number;
}

export interface DeclarationDraft {
  /** Day index from the start of the period. */
  day: number;
  office: string;
  importerId: string;
  brokerId: string | null;
  consigneeId: string | null;
  supplierId: string | null;
  /** The planted ring this declaration belongs to (camouflage included), null for lawful trade. */
  ringId: string | null;
  lines: LineDraft[];
}
