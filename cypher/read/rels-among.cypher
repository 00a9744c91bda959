// Relationships of the given types whose two ends are both among the keys.
UNWIND $keys AS key
MATCH (a:Node {key: key})-[r]->(b:Node)
WHERE type(r) IN $types AND b.key IN $keys
RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props
