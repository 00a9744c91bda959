// The accepted pairs: SAME_AS relationships, by their ends' keys (sorted again by the caller).
MATCH (a:Node)-[:SAME_AS]->(b:Node)
RETURN a.key AS a, b.key AS b
