// The closed lists of node labels and relationship types. Nothing else may name a label or a
// relationship type: Cypher and SQL take them only from these enums, never from user input.
import { z } from 'zod';

export const NodeLabel = z.enum([
  'Importer',
  'Consignee',
  'Broker',
  'Supplier',
  'Person',
  'Address',
  'Phone',
  'Email',
  'BankAccount',
  'Shipment',
  'Ring',
  'Case',
]);
export type NodeLabel = z.infer<typeof NodeLabel>;

/** Firms and people: the parties a ring is made of. */
export const PARTY_LABELS = [
  'Importer',
  'Consignee',
  'Broker',
  'Supplier',
  'Person',
] as const satisfies readonly NodeLabel[];
export type PartyLabel = (typeof PARTY_LABELS)[number];

/** Business entities (the firms of the registry and of the declarations). */
export const BUSINESS_LABELS = [
  'Importer',
  'Consignee',
  'Broker',
  'Supplier',
] as const satisfies readonly NodeLabel[];
export type BusinessLabel = (typeof BUSINESS_LABELS)[number];

/** Identifier nodes shared between parties after normalisation. */
export const IDENTIFIER_LABELS = [
  'Address',
  'Phone',
  'Email',
  'BankAccount',
] as const satisfies readonly NodeLabel[];
export type IdentifierLabel = (typeof IDENTIFIER_LABELS)[number];

export const RelType = z.enum([
  'IMPORTED_BY', // (Shipment)->(Importer)
  'DECLARED_BY', // (Shipment)->(Broker)
  'CONSIGNED_TO', // (Shipment)->(Consignee)
  'SUPPLIED_BY', // (Shipment)->(Supplier)
  'HAS_ADDRESS', // (business|Person)->(Address)
  'HAS_PHONE', // (business|Person)->(Phone)
  'HAS_EMAIL', // (business|Person)->(Email)
  'HAS_ACCOUNT', // (business|Person)->(BankAccount)
  'DIRECTS', // (Person)->(business) {from, to}
  'SUCCEEDS', // (Importer)->(Importer)
  'HAS_MEMBER', // (Ring)->(party) {role}
  'CONCERNS', // (Case)->(any)
  'POSSIBLY_SAME_AS', // (party)->(party of its label) {score, evidence, status}: a resolution candidate
  'SAME_AS', // (party)->(party of its label): a candidate an investigator accepted
]);
export type RelType = z.infer<typeof RelType>;

/**
 * Entity-resolution links: written only through the store's resolution methods
 * (src/store/resolve-links.ts), never by an import, and not part of the network a traversal,
 * a relationship stream or the counts see.
 */
export const RESOLUTION_REL_TYPES = ['POSSIBLY_SAME_AS', 'SAME_AS'] as const satisfies readonly RelType[];

export function isResolutionRelType(type: RelType): boolean {
  return (RESOLUTION_REL_TYPES as readonly RelType[]).includes(type);
}

export const IDENTIFIER_REL: Record<IdentifierLabel, RelType> = {
  Address: 'HAS_ADDRESS',
  Phone: 'HAS_PHONE',
  Email: 'HAS_EMAIL',
  BankAccount: 'HAS_ACCOUNT',
};

/** The party relationship from a shipment to each business label. */
export const SHIPMENT_REL: Record<BusinessLabel, RelType> = {
  Importer: 'IMPORTED_BY',
  Broker: 'DECLARED_BY',
  Consignee: 'CONSIGNED_TO',
  Supplier: 'SUPPLIED_BY',
};

export function isPartyLabel(label: NodeLabel): label is PartyLabel {
  return (PARTY_LABELS as readonly NodeLabel[]).includes(label);
}

export function isIdentifierLabel(label: NodeLabel): label is IdentifierLabel {
  return (IDENTIFIER_LABELS as readonly NodeLabel[]).includes(label);
}
