// A party's trade links to parties labelled $otherLabel, aggregated over all its lines
// (src/store/trade.ts): the Shipments joined to the party $key by $type and to the other party by
// $otherType, with a date, pending imports left out. Customs values as in read/party-months.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
MATCH (p:Node {key: $key})<-[r]-(s:Shipment)-[r2]->(o:Node)
WHERE type(r) = $type AND type(r2) = $otherType AND $otherLabel IN labels(o) AND s.date IS NOT NULL
  AND NOT coalesce(p._import, '') IN pending AND NOT coalesce(r._import, '') IN pending
  AND NOT coalesce(s._import, '') IN pending AND NOT coalesce(r2._import, '') IN pending
  AND NOT coalesce(o._import, '') IN pending
WITH o, s, coalesce(s.customsValue, toFloat(split(split(split(s._props, '"customsValue":')[1], ',')[0], '}')[0])) AS lineValue
RETURN o.id AS id, count(s) AS lines, sum(lineValue) AS value, min(s.date) AS first, max(s.date) AS last
