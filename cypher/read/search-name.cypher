// Case-insensitive name prefix, among the given labels, in (name, label, id) order.
MATCH (n:Node)
WHERE n._nameKey STARTS WITH $prefix AND any(l IN labels(n) WHERE l IN $labels)
RETURN n
ORDER BY n._nameKey, n.key
LIMIT $limit
