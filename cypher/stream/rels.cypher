// Relationships of one type, in the store's own order (a relationship-type scan: stable while
// the store is unchanged, and no sort that would hold every relationship in memory).
// {{type}} from the closed enum only.
MATCH (a:Node)-[r:{{type}}]->(b:Node)
RETURN a.key AS from, b.key AS to, properties(r) AS props
