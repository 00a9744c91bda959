// Upserts nodes of one label for import $importId, which commits in chunks. A node new to the
// graph is created tagged `_import` (readers hide it while that import is pending); known
// incoming props win, props the row does not know are kept (nulls were dropped before sending),
// the first source is kept. A node that already existed is left untouched until the import
// commits: its incoming props wait in a (:PendingProps) node (see imports/apply-props).
// {{label}} comes from the closed NodeLabel enum only, escaped by cypherLabel().
// replan=skip: the plan (seeks on the key constraint) does not depend on statistics, and
// re-planning as a fresh database fills took 1–8% of Neo4j's time in an import (measured).
CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:Node {key: row.key})
  ON CREATE SET n:{{label}}, n.id = row.id, n._sourceFile = row.sourceFile, n._sourceRow = row.sourceRow,
    n._import = $importId
WITH n, row, coalesce(n._import, '') = $importId AS ours
FOREACH (_ IN CASE WHEN ours THEN [1] ELSE [] END |
  SET n += row.props, n._nameKey = coalesce(row.nameKey, n._nameKey))
FOREACH (_ IN CASE WHEN ours THEN [] ELSE [1] END |
  MERGE (p:PendingProps {_pkey: row.key, _pimport: $importId})
  SET p += row.props, p._nameKey = coalesce(row.nameKey, p._nameKey))
