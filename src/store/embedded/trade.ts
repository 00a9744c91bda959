// The embedded store's aggregates over declaration lines (../trade.ts): a party's lines by month,
// its trade links, and the lines of one link, each one SQL statement (GROUP BY over every line,
// never a cut list). A party's lines are read from both places a party relationship is kept
// (parties.ts): the Shipment row's party column (through its partial index) and `rels`.
import { SHIPMENT_REL, type BusinessLabel, type NodeRef } from '../../model/index.ts';
import {
  isBusinessLabel,
  linkEnds,
  linkLabelsOf,
  toCents,
  type LinkLine,
  type LinkLinesQuery,
  type PartyMonth,
  type TradeLink,
} from '../trade.ts';
import { PARTY_COLUMNS } from './parties.ts';
import { preparedOnce } from './prepared.ts';
import type { Db } from './schema.ts';

function columnOf(label: BusinessLabel): string {
  const column = PARTY_COLUMNS.find((p) => p.label === label)?.column;
  if (!column) throw new Error(`no party column for ${label}`);
  return column;
}

/** `name(n)`: the row numbers of the lines of the party (@<prefix>label, @<prefix>id). */
function linesOf(name: string, label: BusinessLabel, prefix: string): string {
  return `${name} (n) AS (
    SELECT n FROM nodes WHERE ${columnOf(label)} = @${prefix}id AND label = 'Shipment'
    UNION
    SELECT r.from_n FROM rels r
     WHERE r.type = '${SHIPMENT_REL[label]}' AND r.to_n = (SELECT n FROM nodes WHERE label = @${prefix}label AND id = @${prefix}id))`;
}

export function partyMonths(db: Db, party: NodeRef): PartyMonth[] {
  if (!isBusinessLabel(party.label)) return [];
  const rows = preparedOnce(
    db,
    `WITH ${linesOf('party_lines', party.label, '')}
     SELECT substr(s.ship_date, 1, 7) AS month, count(*) AS lines, total(s.props ->> 'customsValue') AS value,
            min(s.ship_date) AS first, max(s.ship_date) AS last
       FROM party_lines pl CROSS JOIN nodes s ON s.n = pl.n
      WHERE s.ship_date IS NOT NULL
      GROUP BY month ORDER BY month`,
  ).all({ label: party.label, id: party.id }) as PartyMonth[];
  return rows.map((r) => ({ ...r, value: toCents(r.value) }));
}

/** The party's links, aggregated over its lines. */
export function tradeLinks(db: Db, party: NodeRef): TradeLink[] {
  const { label } = party;
  if (!isBusinessLabel(label)) return [];
  return linkLabelsOf(label).flatMap((other) => linksTo(db, { label, id: party.id }, other));
}

/** The party's links to parties of one label. */
function linksTo(db: Db, party: NodeRef & { label: BusinessLabel }, other: BusinessLabel): TradeLink[] {
  const type = SHIPMENT_REL[other];
  const rows = preparedOnce(
    db,
    `WITH ${linesOf('party_lines', party.label, '')},
     counterparts (n, other) AS (
       SELECT s.n, s.${columnOf(other)} FROM party_lines pl CROSS JOIN nodes s ON s.n = pl.n
        WHERE s.${columnOf(other)} IS NOT NULL
       UNION
       SELECT r.from_n, o.id FROM party_lines pl CROSS JOIN rels r ON r.from_n = pl.n AND r.type = '${type}'
         CROSS JOIN nodes o ON o.n = r.to_n WHERE o.label = '${other}')
     SELECT c.other AS id, count(*) AS lines, total(s.props ->> 'customsValue') AS value,
            min(s.ship_date) AS first, max(s.ship_date) AS last
       FROM counterparts c CROSS JOIN nodes s ON s.n = c.n
      WHERE s.ship_date IS NOT NULL
      GROUP BY c.other`,
  ).all({ label: party.label, id: party.id }) as (Omit<TradeLink, 'party'> & { id: string })[];
  return rows.map(({ id, ...r }) => ({ party: { label: other, id }, ...r, value: toCents(r.value) }));
}

export function linkLines(db: Db, query: LinkLinesQuery): LinkLine[] {
  const ends = linkEnds(query.from, query.to);
  if (!ends) return [];
  return preparedOnce(
    db,
    `WITH ${linesOf('importer_lines', 'Importer', 'i')}, ${linesOf('other_lines', ends.other.label, 'o')}
     SELECT s.id AS shipmentId, s.ship_date AS date, s.props ->> 'customsValue' AS customsValue
       FROM importer_lines il CROSS JOIN nodes s ON s.n = il.n
      WHERE s.n IN (SELECT n FROM other_lines) AND s.ship_date IS NOT NULL
        AND (s.ship_date, s.id) > (@afterDate, @afterId)
      ORDER BY s.ship_date, s.id LIMIT @limit`,
  ).all({
    ilabel: 'Importer',
    iid: ends.importer.id,
    olabel: ends.other.label,
    oid: ends.other.id,
    afterDate: query.after?.date ?? '',
    afterId: query.after?.shipmentId ?? '',
    limit: query.limit,
  }) as LinkLine[];
}
