// Nodes of one label in id order: the key index gives the order (keys share the `Label:` prefix).
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
MATCH (n:Node)
WHERE n.key STARTS WITH $prefix AND NOT coalesce(n._import, '') IN pending
RETURN n
ORDER BY n.key
