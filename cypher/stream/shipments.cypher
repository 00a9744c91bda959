// One page of declaration lines with their parties, after the last line of the previous page,
// in (date, declarationId, line, id) order. The range seek on the date index gives the date
// order, so each page reads little more than itself (PartialTop) instead of every later line.
// The smallest party id wins where a line has several.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
MATCH (s:Shipment)
WHERE s.date >= $date
WITH s, pending
WHERE NOT coalesce(s._import, '') IN pending AND (s.date > $date
   OR s.declarationId > $declarationId
   OR (s.declarationId = $declarationId AND (s.line > $line OR (s.line = $line AND s.id > $id))))
WITH s, pending ORDER BY s.date, s.declarationId, s.line, s.id LIMIT $limit
RETURN s,
  COLLECT { MATCH (s)-[r:IMPORTED_BY]->(p:Importer) WHERE NOT coalesce(r._import, '') IN pending AND NOT coalesce(p._import, '') IN pending RETURN p.id ORDER BY p.id LIMIT 1 }[0] AS importerId,
  COLLECT { MATCH (s)-[r:DECLARED_BY]->(p:Broker) WHERE NOT coalesce(r._import, '') IN pending AND NOT coalesce(p._import, '') IN pending RETURN p.id ORDER BY p.id LIMIT 1 }[0] AS brokerId,
  COLLECT { MATCH (s)-[r:CONSIGNED_TO]->(p:Consignee) WHERE NOT coalesce(r._import, '') IN pending AND NOT coalesce(p._import, '') IN pending RETURN p.id ORDER BY p.id LIMIT 1 }[0] AS consigneeId,
  COLLECT { MATCH (s)-[r:SUPPLIED_BY]->(p:Supplier) WHERE NOT coalesce(r._import, '') IN pending AND NOT coalesce(p._import, '') IN pending RETURN p.id ORDER BY p.id LIMIT 1 }[0] AS supplierId
