// The route map of a set of parties (src/store/shipping-routes.ts): the Shipments joined to any
// party of $parties ({key, type}: the party's key and its relationship type), each line once,
// with a date, pending imports left out, grouped by origin country, departure country and entry
// office. Those three, like the customs value (read/party-months), are real properties when
// written after the import created the line, else read from the packed props (`_props`, JSON
// written by src/store/neo4j/encode.ts): a string value follows its key `"name":"` and ends at
// the next quote (country codes and office codes hold no quote; the key cannot occur inside a
// string value, whose quotes are escaped). A null was never stored, so a missing key is null.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
UNWIND $parties AS party
MATCH (p:Node {key: party.key})<-[r]-(s:Shipment)
WHERE type(r) = party.type AND s.date IS NOT NULL AND NOT coalesce(p._import, '') IN pending
  AND NOT coalesce(r._import, '') IN pending AND NOT coalesce(s._import, '') IN pending
WITH DISTINCT s
WITH s,
  coalesce(s.customsValue, toFloat(split(split(split(s._props, '"customsValue":')[1], ',')[0], '}')[0])) AS lineValue,
  coalesce(s.originCountry, split(split(s._props, '"originCountry":"')[1], '"')[0]) AS origin,
  coalesce(s.departureCountry, split(split(s._props, '"departureCountry":"')[1], '"')[0]) AS departure,
  coalesce(s.office, split(split(s._props, '"office":"')[1], '"')[0]) AS office
RETURN origin, departure, office, count(s) AS lines, sum(lineValue) AS value, min(s.date) AS first, max(s.date) AS last
