// The lines of one trade link (src/store/trade.ts): Shipments imported by $importerKey and joined
// to $otherKey by $otherType, with a date, after ($afterDate, $afterId) in (date, id) order (''
// and '' for the first page), at most $limit, pending imports left out.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
MATCH (i:Node {key: $importerKey})<-[r1:IMPORTED_BY]-(s:Shipment)-[r2]->(o:Node {key: $otherKey})
WHERE type(r2) = $otherType AND s.date IS NOT NULL
  AND (s.date > $afterDate OR (s.date = $afterDate AND s.id > $afterId))
  AND NOT coalesce(i._import, '') IN pending AND NOT coalesce(r1._import, '') IN pending
  AND NOT coalesce(s._import, '') IN pending AND NOT coalesce(r2._import, '') IN pending
  AND NOT coalesce(o._import, '') IN pending
RETURN properties(s) AS line
ORDER BY s.date, s.id
LIMIT $limit
