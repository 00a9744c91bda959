// Relationships of the given types touching each node, in either direction.
UNWIND $keys AS key
MATCH (n:Node {key: key})-[r]-(other:Node)
WHERE type(r) IN $types
RETURN key, type(r) AS type, startNode(r) = n AS outgoing, other.key AS otherKey
