// Relationships of one type, in the store's own order (a relationship-type scan: stable while
// the store is unchanged, and no sort that would hold every relationship in memory).
// {{type}} from the closed enum only.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
MATCH (a:Node)-[r:{{type}}]->(b:Node)
WHERE NOT coalesce(r._import, '') IN pending AND NOT coalesce(a._import, '') IN pending AND NOT coalesce(b._import, '') IN pending
RETURN a.key AS from, b.key AS to, properties(r) AS props
