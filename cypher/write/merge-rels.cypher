// Upserts relationships of one type that carry no props (every relationship the ingest writes),
// between existing nodes, for import $importId; returns how many rows found both ends, so the
// writer can report rows whose end nodes are missing. A new relationship is tagged `_import`
// (hidden while that import is pending). Nothing is read back after the write, so the plan has
// no Eager operator (about half the time of write/merge-rels-props, measured).
// {{type}} comes from the closed RelType enum only, escaped by cypherLabel().
// replan=skip: the plan (seeks on the key constraint) does not depend on statistics, and
// re-planning as a fresh database fills took 1–8% of Neo4j's time in an import (measured).
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Node {key: row.from})
MATCH (b:Node {key: row.to})
MERGE (a)-[r:{{type}}]->(b)
  ON CREATE SET r._import = $importId
RETURN count(*) AS merged
