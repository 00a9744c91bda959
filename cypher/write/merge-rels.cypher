// Upserts relationships of one type between existing nodes; returns how many rows found both
// ends, so the writer can report rows whose end nodes are missing. {{type}} comes from the
// closed RelType enum only, escaped by cypherLabel().
UNWIND $rows AS row
MATCH (a:Node {key: row.from})
MATCH (b:Node {key: row.to})
MERGE (a)-[r:{{type}}]->(b)
SET r += row.props
RETURN count(*) AS merged
