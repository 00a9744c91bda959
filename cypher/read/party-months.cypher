// A party's declaration lines by month, aggregated over all of them (src/store/trade.ts): the
// Shipments joined to the party $key by its relationship $type, with a date, lines of pending
// imports left out. A line's customs value is its property when one was written after the import
// created the line, else the number in its packed props (`_props`, JSON written by
// src/store/neo4j/encode.ts, where a number is never followed by anything but `,` or `}`, and the
// key `"customsValue":` cannot occur inside a string value, whose quotes are escaped).
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
MATCH (p:Node {key: $key})<-[r]-(s:Shipment)
WHERE type(r) = $type AND s.date IS NOT NULL AND NOT coalesce(p._import, '') IN pending
  AND NOT coalesce(r._import, '') IN pending AND NOT coalesce(s._import, '') IN pending
WITH s, coalesce(s.customsValue, toFloat(split(split(split(s._props, '"customsValue":')[1], ',')[0], '}')[0])) AS lineValue
RETURN substring(s.date, 0, 7) AS month, count(s) AS lines, sum(lineValue) AS value, min(s.date) AS first, max(s.date) AS last
ORDER BY month
