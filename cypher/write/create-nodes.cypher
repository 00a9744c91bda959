// Creates nodes of one label that the import has not met and believes new to the graph, tagged
// `_import` (hidden while that import is pending), each with the relationships it starts whose
// far end exists already. Each row is one string, its fields separated by U+001F, an empty field
// for null (createRow in src/store/neo4j/encode.ts): key, source file (an index in $files),
// sourceRow, nameKey, packed props (JSON), then the QUERIED_PROPS of encode.ts in order: name,
// value, date, hsCode, declarationId, line; last a (type, far end) pair of indexes per
// relationship. One string per row rather than a list or a map of values: the driver checks
// each value it sends for temporal and spatial types (measured: the ingest used 0.4–0.5 CPU-s
// less per 50,000 lines; Neo4j's splitting costs it about what decoding the values did). The id
// is the key from $idFrom on (the key is `Label:id`). A null is not stored.
// Each far end is looked up once per statement, not once per relationship: most lines of a
// batch link to the same few brokers and importers. A relationship's type comes as its index
// in the RelType enum (src/model/labels.ts), whose members are listed below in the same order (a
// test holds them equal): the type is taken from that closed list, never from a row. One CREATE
// with the type looked up ($(…), Neo4j 5.26) instead of one FOREACH per type: Neo4j evaluated
// all twelve for every relationship (about 4% of an import, measured). The relationships carry
// no `_import` tag: readers hide them through their new start node, and undoing the import
// removes them with it (DETACH DELETE). Created here, their start needs no index seek. Returns
// how many relationships found their far end.
// A key that exists after all fails the statement on the key constraint; the import then writes
// the chunk again with write/merge-nodes and write/merge-rels (see src/store/neo4j/imports.ts).
// {{label}} comes from the closed NodeLabel enum only, escaped by cypherLabel().
// replan=skip: the plan does not depend on statistics, and re-planning as a fresh database
// fills took 1–8% of Neo4j's time in an import (measured).
CYPHER replan=skip
CALL () {
  UNWIND $ends AS endKey
  OPTIONAL MATCH (b:Node {key: endKey})
  RETURN collect([b]) AS ends
}
UNWIND $rows AS line
WITH split(line, '\u001f') AS row, ends
CREATE (n:Node:{{label}} {
  key: row[0], id: substring(row[0], $idFrom), _sourceFile: $files[toInteger(row[1])],
  _sourceRow: toInteger(row[2]), _nameKey: nullIf(row[3], ''), _props: nullIf(row[4], ''),
  name: nullIf(row[5], ''), value: nullIf(row[6], ''), date: nullIf(row[7], ''), hsCode: nullIf(row[8], ''),
  declarationId: nullIf(row[9], ''), line: toInteger(row[10]),
  _import: $importId
})
WITH n, row, ends
UNWIND range(11, size(row) - 2, 2) AS i
WITH n, toInteger(row[i]) AS relType, ends[toInteger(row[i + 1])][0] AS b
WHERE b IS NOT NULL
CREATE (n)-[:$(['IMPORTED_BY', 'DECLARED_BY', 'CONSIGNED_TO', 'SUPPLIED_BY', 'HAS_ADDRESS', 'HAS_PHONE', 'HAS_EMAIL', 'HAS_ACCOUNT', 'DIRECTS', 'SUCCEEDS', 'HAS_MEMBER', 'CONCERNS', 'POSSIBLY_SAME_AS', 'SAME_AS'][relType])]->(b)
RETURN count(*) AS merged
