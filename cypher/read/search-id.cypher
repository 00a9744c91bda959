// Exact id, among the given labels.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
UNWIND $labels AS label
MATCH (n:Node {key: label + ':' + $id})
WHERE NOT coalesce(n._import, '') IN pending
RETURN n
