// What the stores aggregate over a party's declaration lines, never over a cut list: its lines by
// month (totals and the timeline of the entity panel) and its trade links (the parties it trades
// with, line count, value, first and last date), plus the lines of one link, paged.
//
// The line of a party: a Shipment joined to it by the party's relationship (IMPORTED_BY for an
// importer, DECLARED_BY for a broker, CONSIGNED_TO for a consignee, SUPPLIED_BY for a supplier).
// People and identifiers have no lines. A link joins an importer to the broker, supplier or
// consignee of a line it imported; anyone else's links are to the importers of its lines.
import { SHIPMENT_REL, type BusinessLabel, type NodeLabel, type NodeRef } from '../model/index.ts';

export interface PartyMonth {
  /** YYYY-MM. */
  month: string;
  lines: number;
  value: number;
  first: string;
  last: string;
}

export interface PartyTotals {
  lines: number;
  value: number;
  first: string | null;
  last: string | null;
}

/** Money is summed in floating point in a store-defined order: cents make both stores agree. */
export const toCents = (value: number): number => Math.round(value * 100) / 100;

export function totalsOf(months: readonly PartyMonth[]): PartyTotals {
  let lines = 0;
  let value = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const m of months) {
    lines += m.lines;
    value += m.value;
    if (first === null || m.first < first) first = m.first;
    if (last === null || m.last > last) last = m.last;
  }
  return { lines, value: toCents(value), first, last };
}

export function isBusinessLabel(label: NodeLabel): label is BusinessLabel {
  return label in SHIPMENT_REL;
}

/** The counterpart labels of a party's trade links. */
export function linkLabelsOf(label: BusinessLabel): BusinessLabel[] {
  return label === 'Importer' ? ['Broker', 'Supplier', 'Consignee'] : ['Importer'];
}

export interface TradeLink {
  /** The other party. */
  party: NodeRef;
  lines: number;
  value: number;
  first: string;
  last: string;
}

/** A line of a link: the Shipment's id, date and customs value, ordered by (date, id). */
export interface LinkLine {
  shipmentId: string;
  date: string;
  customsValue: number | null;
}

export interface LinkLinesQuery {
  from: NodeRef;
  to: NodeRef;
  /** Lines after this (date, shipment id) only. */
  after?: { date: string; shipmentId: string } | undefined;
  limit: number;
}

/** The link's importer end and its other end, or null when the two ends cannot trade. */
export function linkEnds(
  a: NodeRef,
  b: NodeRef,
): { importer: NodeRef; other: NodeRef & { label: BusinessLabel } } | null {
  const [importer, other] = a.label === 'Importer' ? [a, b] : [b, a];
  if (importer.label !== 'Importer' || !isBusinessLabel(other.label) || other.label === 'Importer')
    return null;
  return { importer, other: other as NodeRef & { label: BusinessLabel } };
}
