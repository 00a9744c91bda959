// Creates nodes of one label that the import has not met and believes new to the graph, tagged
// `_import` (hidden while that import is pending). Rows are lists, not maps (a map repeats every
// key in every row: twice the bytes to encode and send): [key, id, sourceFile, sourceRow,
// nameKey, packed props (JSON), then the QUERIED_PROPS of src/store/neo4j/encode.ts in order:
// name, value, date, hsCode, declarationId, line]. A null is simply not stored. A key that
// exists after all fails the statement on the key constraint; the import then writes the chunk
// again with write/merge-nodes (see src/store/neo4j/imports.ts).
// {{label}} comes from the closed NodeLabel enum only, escaped by cypherLabel().
// replan=skip: the plan does not depend on statistics, and re-planning as a fresh database
// fills took 1–8% of Neo4j's time in an import (measured).
CYPHER replan=skip
UNWIND $rows AS row
CREATE (:Node:{{label}} {
  key: row[0], id: row[1], _sourceFile: row[2], _sourceRow: row[3], _nameKey: row[4], _props: row[5],
  name: row[6], value: row[7], date: row[8], hsCode: row[9], declarationId: row[10], line: row[11],
  _import: $importId
})
