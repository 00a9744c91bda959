// Creates nodes of one label that the import has not met and believes new to the graph, tagged
// `_import` (hidden while that import is pending), each with the relationships it starts whose
// far end exists already. Rows are lists, not maps (a map repeats every key in every row: twice
// the bytes to encode and send): [key, id, source file (an index in $files), sourceRow, nameKey,
// packed props (JSON), then the QUERIED_PROPS of src/store/neo4j/encode.ts in order: name,
// value, date, hsCode, declarationId, line; last the relationships as [type, far end key], the
// type as its index in the RelType enum (src/model/labels.ts), one line below each]. A null is
// not stored. The relationships carry no `_import` tag: readers hide them through their new
// start node, and undoing the import removes them with it (DETACH DELETE). Created here, their
// start needs no index seek. Returns how many relationships found their far end.
// A key that exists after all fails the statement on the key constraint; the import then writes
// the chunk again with write/merge-nodes and write/merge-rels (see src/store/neo4j/imports.ts).
// {{label}} comes from the closed NodeLabel enum only, escaped by cypherLabel().
// replan=skip: the plan does not depend on statistics, and re-planning as a fresh database
// fills took 1–8% of Neo4j's time in an import (measured).
CYPHER replan=skip
UNWIND $rows AS row
CREATE (n:Node:{{label}} {
  key: row[0], id: row[1], _sourceFile: $files[row[2]], _sourceRow: row[3], _nameKey: row[4], _props: row[5],
  name: row[6], value: row[7], date: row[8], hsCode: row[9], declarationId: row[10], line: row[11],
  _import: $importId
})
WITH n, row
UNWIND row[12] AS rel
MATCH (b:Node {key: rel[1]})
FOREACH (_ IN CASE rel[0] WHEN 0 THEN [1] ELSE [] END | CREATE (n)-[:IMPORTED_BY]->(b))
FOREACH (_ IN CASE rel[0] WHEN 1 THEN [1] ELSE [] END | CREATE (n)-[:DECLARED_BY]->(b))
FOREACH (_ IN CASE rel[0] WHEN 2 THEN [1] ELSE [] END | CREATE (n)-[:CONSIGNED_TO]->(b))
FOREACH (_ IN CASE rel[0] WHEN 3 THEN [1] ELSE [] END | CREATE (n)-[:SUPPLIED_BY]->(b))
FOREACH (_ IN CASE rel[0] WHEN 4 THEN [1] ELSE [] END | CREATE (n)-[:HAS_ADDRESS]->(b))
FOREACH (_ IN CASE rel[0] WHEN 5 THEN [1] ELSE [] END | CREATE (n)-[:HAS_PHONE]->(b))
FOREACH (_ IN CASE rel[0] WHEN 6 THEN [1] ELSE [] END | CREATE (n)-[:HAS_EMAIL]->(b))
FOREACH (_ IN CASE rel[0] WHEN 7 THEN [1] ELSE [] END | CREATE (n)-[:HAS_ACCOUNT]->(b))
FOREACH (_ IN CASE rel[0] WHEN 8 THEN [1] ELSE [] END | CREATE (n)-[:DIRECTS]->(b))
FOREACH (_ IN CASE rel[0] WHEN 9 THEN [1] ELSE [] END | CREATE (n)-[:SUCCEEDS]->(b))
FOREACH (_ IN CASE rel[0] WHEN 10 THEN [1] ELSE [] END | CREATE (n)-[:HAS_MEMBER]->(b))
FOREACH (_ IN CASE rel[0] WHEN 11 THEN [1] ELSE [] END | CREATE (n)-[:CONCERNS]->(b))
RETURN count(*) AS merged
