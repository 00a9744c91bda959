// The lines of a declaration: Shipment keys `Shipment:declarationId/line` share one key prefix.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
MATCH (n:Node)
WHERE n.key STARTS WITH $prefix AND NOT coalesce(n._import, '') IN pending
RETURN n
ORDER BY n.key
LIMIT $limit
