// Creates nodes of one label that the import has not met and believes new to the graph, tagged
// `_import` (hidden while that import is pending), each with the relationships it starts whose
// far end exists already. Rows are lists, not maps (a map repeats every key in every row: twice
// the bytes to encode and send): [key, source file (an index in $files), sourceRow, nameKey,
// packed props (JSON), then the QUERIED_PROPS of src/store/neo4j/encode.ts in order: name,
// value, date, hsCode, declarationId, line; last the relationships as [type, far end (an index
// in $ends)]]. The id is the key from $idFrom on (the key is `Label:id`). A null is not stored.
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
UNWIND $rows AS row
CREATE (n:Node:{{label}} {
  key: row[0], id: substring(row[0], $idFrom), _sourceFile: $files[row[1]], _sourceRow: row[2], _nameKey: row[3],
  _props: row[4], name: row[5], value: row[6], date: row[7], hsCode: row[8], declarationId: row[9], line: row[10],
  _import: $importId
})
WITH n, row, ends
UNWIND row[11] AS rel
WITH n, rel, ends[rel[1]][0] AS b
WHERE b IS NOT NULL
CREATE (n)-[:$(['IMPORTED_BY', 'DECLARED_BY', 'CONSIGNED_TO', 'SUPPLIED_BY', 'HAS_ADDRESS', 'HAS_PHONE', 'HAS_EMAIL', 'HAS_ACCOUNT', 'DIRECTS', 'SUCCEEDS', 'HAS_MEMBER', 'CONCERNS'][rel[0]])]->(b)
RETURN count(*) AS merged
