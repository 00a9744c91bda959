// Relationships of the given types whose two ends are both among the keys. The far end is
// checked in $keySet (a map keyed by node key, O(1)) rather than with `b.key IN $keys`, which
// the planner would turn into a seek per key and an Expand(Into) per pair: quadratic.
UNWIND $keys AS key
MATCH (a:Node {key: key})-[r]->(b:Node)
WHERE type(r) IN $types AND $keySet[b.key] IS NOT NULL
RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props
