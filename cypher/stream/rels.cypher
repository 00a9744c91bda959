// Relationships of one type in relationship-id order (`TYPE|fromKey|toKey`).
// {{type}} from the closed enum only.
MATCH (a:Node)-[r:{{type}}]->(b:Node)
WITH a.key + '|' + b.key AS ends, a, r, b
RETURN a.key AS from, b.key AS to, properties(r) AS props
ORDER BY ends
