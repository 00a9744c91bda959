// The input every detector reads: the entity graph (parties linked by shared identifiers and
// shared trade), per-party trade aggregates, the compact table of declaration lines and the
// robust unit-value statistics. Built once by projectDetectionView(); detectors never touch a store.
import type { UndirectedGraph } from 'graphology';
import type { NodeRef, PartyLabel } from '../model/index.ts';

/** Why two parties are linked in the entity graph. */
export type LinkKind =
  | 'address'
  | 'phone'
  | 'email'
  | 'bank_account'
  | 'director'
  | 'broker'
  | 'consignee'
  | 'supplier'
  | 'succession';

/** Links that say two parties are the same people behind different names. */
export const IDENTITY_LINKS: readonly LinkKind[] = [
  'address',
  'phone',
  'email',
  'bank_account',
  'director',
  'succession',
];

export interface PartyAttributes {
  label: PartyLabel;
  id: string;
  name: string | null;
  country: string | null;
  registeredOn: string | null;
  closedOn: string | null;
}

/** One reason for an edge, with what a person can open to check it. */
export interface Link {
  kind: LinkKind;
  /** The shared identifier node, when the link goes through one. */
  via: NodeRef | null;
  /** Relationship ids (relId) behind the link. */
  rels: string[];
  /** Specificity-damped weight of this link alone. */
  weight: number;
  /** Declaration lines behind a trade link. */
  lines?: number;
}

export interface EdgeAttributes {
  weight: number;
  links: Link[];
}

export type EntityGraph = UndirectedGraph<PartyAttributes, EdgeAttributes>;

/** One identifier node held by two or more parties, and the parties that hold it. */
export interface SharedIdentifier {
  ref: NodeRef;
  kind: LinkKind;
  holders: { key: string; rel: string }[];
}

/** What a party's declaration lines add up to (within the time window). */
export interface PartyTrade {
  lines: number;
  totalValue: number;
  firstDate: string | null;
  lastDate: string | null;
  hsHeadings: Map<string, number>;
  origins: Map<string, number>;
}

/**
 * Declaration lines in columns, one index per line: parties as indices into `partyKeys`
 * (-1 when absent), dates as ISO strings, unit values precomputed. Numeric columns are typed
 * arrays (outside the garbage-collected heap, 4–8 bytes a line) and repeated strings are shared,
 * so the large world's five million lines fit where objects or boxed numbers would not.
 */
export interface LineTable {
  size: number;
  partyKeys: string[];
  declarationId: string[];
  line: Int32Array;
  date: string[];
  hsCode: string[];
  origin: (string | null)[];
  departure: (string | null)[];
  importer: Int32Array;
  broker: Int32Array;
  consignee: Int32Array;
  supplier: Int32Array;
  customsValue: Float64Array;
  /** Stated duty rate; NaN when the line states none. */
  dutyRate: Float64Array;
  /** Duty paid on the line where stated; NaN when unknown. */
  dutyPaid: Float64Array;
  /** 1 seized/illicit, 0 inspected clean or unknown-clean, -1 unknown. */
  illicit: Int8Array;
  /** customsValue per unit of measure (net kg where known, else quantity); NaN when unknown. */
  unitValue: Float64Array;
  /** Robust z-score of log unit value within its HS heading and origin; NaN when unknown. */
  unitValueZScore: Float64Array;
  /** What the line would be worth at the median unit value of its group; NaN when unknown. */
  expectedValue: Float64Array;
}

/** Robust statistics of log unit value for one group (HS heading and origin, or heading alone). */
export interface UnitValueGroup {
  key: string;
  count: number;
  medianLogUnitValue: number;
  /** 1.4826 × MAD of log unit value (a robust standard deviation); floored to avoid zero. */
  scale: number;
}

export interface DetectionView {
  graph: EntityGraph;
  trade: Map<string, PartyTrade>;
  /** Identifiers two or more parties hold (the others link nobody). */
  identifiers: Map<string, SharedIdentifier>;
  lines: LineTable;
  unitValueGroups: Map<string, UnitValueGroup>;
  /** Median duty rate per `heading|origin` where the data states rates. */
  dutyRates: Map<string, number>;
  /** Used for lines without a stated duty rate. */
  defaultDutyRate: number;
  window: { from: string | null; to: string | null };
  /** Communities computed elsewhere (Graph Data Science): the community detector uses them instead of Louvain. */
  communities?: ReadonlyMap<string, number>;
}

export function hsHeading(hsCode: string): string {
  return hsCode.slice(0, 4);
}

/** Node keys and other ids compare as JavaScript strings (UTF-16 code units), never by locale. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
