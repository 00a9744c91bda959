// The lines of a declaration: Shipment keys `Shipment:declarationId/line` share one key prefix.
MATCH (n:Node)
WHERE n.key STARTS WITH $prefix
RETURN n
ORDER BY n.key
LIMIT $limit
