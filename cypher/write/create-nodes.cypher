// Creates nodes of one label that the import has not met and believes new to the graph, tagged
// `_import` (hidden while that import is pending), each with the relationships it starts whose
// far end exists already. Rows are lists, not maps (a map repeats every key in every row: twice
// the bytes to encode and send): [key, id, source file (an index in $files), sourceRow, nameKey,
// packed props (JSON), then the QUERIED_PROPS of src/store/neo4j/encode.ts in order: name,
// value, date, hsCode, declarationId, line; last the relationships as [type, far end key]]. A
// null is not stored. A relationship's type comes as its index in the RelType enum
// (src/model/labels.ts), whose members are listed below in the same order (a test holds them
// equal): the type is taken from that closed list, never from a row. One CREATE with the type
// looked up ($(…), Neo4j 5.26) instead of one FOREACH per type: Neo4j evaluated all twelve for
// every relationship (about 4% of an import, measured). The relationships carry no `_import`
// tag: readers hide them through their new start node, and undoing the import removes them with
// it (DETACH DELETE). Created here, their start needs no index seek. Returns how many
// relationships found their far end.
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
CREATE (n)-[:$(['IMPORTED_BY', 'DECLARED_BY', 'CONSIGNED_TO', 'SUPPLIED_BY', 'HAS_ADDRESS', 'HAS_PHONE', 'HAS_EMAIL', 'HAS_ACCOUNT', 'DIRECTS', 'SUCCEEDS', 'HAS_MEMBER', 'CONCERNS'][rel[0]])]->(b)
RETURN count(*) AS merged
