// Inspection results written onto stored declaration lines (the port's labelLine): the line's
// props JSON gains inspected, illicit and revenueRecovered, keys kept in sorted order.
import { shipmentId, type Props } from '../../model/index.ts';
import type { InspectionLabel, LineRef } from '../graph-store.ts';
import { preparedOnce } from './prepared.ts';
import type { Db } from './schema.ts';

export function labelLine(db: Db, line: LineRef, result: InspectionLabel): boolean {
  const id = shipmentId(line.declarationId, line.line);
  const row = preparedOnce(db, "SELECT props FROM nodes WHERE label = 'Shipment' AND id = ?").get(id) as
    { props: string } | undefined;
  if (!row) return false;
  const props = JSON.parse(row.props) as Props;
  props.inspected = true;
  props.illicit = result.illicit;
  const revenue = result.revenueRecovered ?? (result.illicit ? null : 0);
  if (revenue !== null) props.revenueRecovered = revenue;
  const sorted: Props = {};
  for (const key of Object.keys(props).sort()) sorted[key] = props[key] ?? null;
  // The line's illicit column follows its props (line-columns.ts).
  preparedOnce(db, "UPDATE nodes SET props = ?, ship_illicit = ? WHERE label = 'Shipment' AND id = ?").run(
    JSON.stringify(sorted),
    result.illicit ? 1 : 0,
    id,
  );
  return true;
}
