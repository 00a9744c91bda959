// The embedded store's route map aggregate (../shipping-routes.ts): the lines of a set of parties,
// each once, grouped by origin, departure and entry office in one SQL statement over every line.
// A party's lines are read from both places a party relationship is kept (parties.ts): the
// Shipment row's party column (through its partial index) and `rels`.
import type { NodeRef } from '../../model/index.ts';
import { byRouteWeight, partiesWithLines, type ShippingRoute } from '../shipping-routes.ts';
import { toCents } from '../trade.ts';
import { PARTY_COLUMNS } from './parties.ts';
import { preparedOnce } from './prepared.ts';
import type { Db } from './schema.ts';

const byColumn = PARTY_COLUMNS.map(
  ({ label, column }) =>
    `SELECT s.n FROM wanted w CROSS JOIN nodes s ON s.${column} = w.id AND s.label = 'Shipment'
      WHERE w.label = '${label}'`,
).join('\n UNION ');

const SQL = `WITH wanted (label, id, type) AS (
    SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@parties)),
  party_lines (n) AS (
    ${byColumn}
    UNION
    SELECT r.from_n FROM wanted w CROSS JOIN nodes p ON p.label = w.label AND p.id = w.id
      CROSS JOIN rels r ON r.to_n = p.n AND r.type = w.type)
  SELECT s.props ->> 'originCountry' AS origin, s.props ->> 'departureCountry' AS departure,
         s.props ->> 'office' AS office, count(*) AS lines, total(s.props ->> 'customsValue') AS value,
         min(s.ship_date) AS first, max(s.ship_date) AS last
    FROM party_lines pl CROSS JOIN nodes s ON s.n = pl.n
   WHERE s.label = 'Shipment' AND s.ship_date IS NOT NULL
   GROUP BY origin, departure, office`;

export function shippingRoutes(db: Db, parties: readonly NodeRef[]): ShippingRoute[] {
  const wanted = partiesWithLines(parties).map(({ ref, type }) => [ref.label, ref.id, type]);
  if (wanted.length === 0) return [];
  const rows = preparedOnce(db, SQL).all({ parties: JSON.stringify(wanted) }) as ShippingRoute[];
  return rows.map((r) => ({ ...r, value: toCents(r.value) })).sort(byRouteWeight);
}
