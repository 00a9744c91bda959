// What the stores aggregate over the declaration lines of a set of parties for the route map:
// one row per (origin country, departure country, entry office), over every line of any of the
// parties, each line counted once however many of the parties it names.
import { SHIPMENT_REL, type NodeRef } from '../model/index.ts';
import { isBusinessLabel } from './trade.ts';

export interface ShippingRoute {
  /** ISO 3166 alpha-2 country of origin of the goods; null when the lines do not say. */
  origin: string | null;
  /** ISO 3166 alpha-2 country the goods were dispatched from; null when not stated. */
  departure: string | null;
  /** The customs office of entry as the lines name it; null when not stated. */
  office: string | null;
  lines: number;
  /** Sum of customs values, rounded to cents. */
  value: number;
  first: string;
  last: string;
}

/** The parties of a set that have declaration lines, each once, with their relationship type. */
export function partiesWithLines(parties: readonly NodeRef[]): { ref: NodeRef; type: string }[] {
  const seen = new Set<string>();
  return parties.flatMap((ref) => {
    const key = `${ref.label}:${ref.id}`;
    if (!isBusinessLabel(ref.label) || seen.has(key)) return [];
    seen.add(key);
    return [{ ref, type: SHIPMENT_REL[ref.label] }];
  });
}

const orNull = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** The stores' order: value, then lines (both largest first), then origin, departure, office. */
export function byRouteWeight(a: ShippingRoute, b: ShippingRoute): number {
  return (
    b.value - a.value ||
    b.lines - a.lines ||
    orNull(a.origin, b.origin) ||
    orNull(a.departure, b.departure) ||
    orNull(a.office, b.office)
  );
}
