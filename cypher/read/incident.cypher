// Relationships of the given types touching each node, in either direction.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
UNWIND $keys AS key
MATCH (n:Node {key: key})-[r]-(other:Node)
WHERE type(r) IN $types AND NOT coalesce(n._import, '') IN pending AND NOT coalesce(r._import, '') IN pending AND NOT coalesce(other._import, '') IN pending
RETURN key, type(r) AS type, startNode(r) = n AS outgoing, other.key AS otherKey
