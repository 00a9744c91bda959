// Relationships of the given types whose two ends are both among the keys. The far end is
// checked in $keySet (a map keyed by node key, O(1)) rather than with `b.key IN $keys`, which
// the planner would turn into a seek per key and an Expand(Into) per pair: quadratic.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
UNWIND $keys AS key
MATCH (a:Node {key: key})-[r]->(b:Node)
WHERE type(r) IN $types AND $keySet[b.key] IS NOT NULL AND NOT coalesce(r._import, '') IN pending AND NOT coalesce(a._import, '') IN pending AND NOT coalesce(b._import, '') IN pending
RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props
