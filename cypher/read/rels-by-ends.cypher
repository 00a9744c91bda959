// Relationships by (type, from key, to key), the parts their id is derived from (see relId).
UNWIND $rows AS row
MATCH (a:Node {key: row.from})-[r]->(b:Node {key: row.to})
WHERE type(r) = row.type
RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props
