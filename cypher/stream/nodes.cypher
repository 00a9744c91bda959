// Nodes of one label in id order: the key index gives the order (keys share the `Label:` prefix).
MATCH (n:Node)
WHERE n.key STARTS WITH $prefix
RETURN n
ORDER BY n.key
