WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
UNWIND $keys AS key
MATCH (n:Node {key: key})
WHERE NOT coalesce(n._import, '') IN pending
RETURN n
