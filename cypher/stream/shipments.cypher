// One page of declaration lines with their parties, after the last line of the previous page,
// in (date, declarationId, line, id) order. The range seek on the date index gives the date
// order, so each page reads little more than itself (PartialTop) instead of every later line.
// The smallest party id wins where a line has several.
MATCH (s:Shipment)
WHERE s.date >= $date
WITH s
WHERE s.date > $date
   OR s.declarationId > $declarationId
   OR (s.declarationId = $declarationId AND (s.line > $line OR (s.line = $line AND s.id > $id)))
WITH s ORDER BY s.date, s.declarationId, s.line, s.id LIMIT $limit
RETURN s,
  COLLECT { MATCH (s)-[:IMPORTED_BY]->(p:Importer) RETURN p.id ORDER BY p.id LIMIT 1 }[0] AS importerId,
  COLLECT { MATCH (s)-[:DECLARED_BY]->(p:Broker) RETURN p.id ORDER BY p.id LIMIT 1 }[0] AS brokerId,
  COLLECT { MATCH (s)-[:CONSIGNED_TO]->(p:Consignee) RETURN p.id ORDER BY p.id LIMIT 1 }[0] AS consigneeId,
  COLLECT { MATCH (s)-[:SUPPLIED_BY]->(p:Supplier) RETURN p.id ORDER BY p.id LIMIT 1 }[0] AS supplierId
