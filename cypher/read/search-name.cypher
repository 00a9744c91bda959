// Case-insensitive name prefix, among the given labels, in (name, label, id) order.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
MATCH (n:Node)
WHERE n._nameKey STARTS WITH $prefix AND any(l IN labels(n) WHERE l IN $labels) AND NOT coalesce(n._import, '') IN pending
RETURN n
ORDER BY n._nameKey, n.key
LIMIT $limit
