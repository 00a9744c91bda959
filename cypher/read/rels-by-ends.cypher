// Relationships by (type, from key, to key), the parts their id is derived from (see relId).
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
UNWIND $rows AS row
MATCH (a:Node {key: row.from})-[r]->(b:Node {key: row.to})
WHERE type(r) = row.type AND NOT coalesce(r._import, '') IN pending AND NOT coalesce(a._import, '') IN pending AND NOT coalesce(b._import, '') IN pending
RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props
