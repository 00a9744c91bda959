// Upserts relationships of one type that carry props, between existing nodes, for import
// $importId; returns how many rows found both ends. A new relationship is tagged `_import`
// (hidden while that import is pending); props for one that already existed wait in a
// (:PendingRelProps) node until the import commits. Rows without props take the plain
// write/merge-rels. {{type}} comes from the closed RelType enum only, escaped by cypherLabel().
// replan=skip: the plan (seeks on the key constraint) does not depend on statistics, and
// re-planning as a fresh database fills took 1–8% of Neo4j's time in an import (measured).
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Node {key: row.from})
MATCH (b:Node {key: row.to})
MERGE (a)-[r:{{type}}]->(b)
  ON CREATE SET r._import = $importId
WITH r, row, coalesce(r._import, '') = $importId AS ours
FOREACH (_ IN CASE WHEN ours THEN [1] ELSE [] END | SET r += row.props)
FOREACH (_ IN CASE WHEN ours OR size(keys(row.props)) = 0 THEN [] ELSE [1] END |
  MERGE (p:PendingRelProps {_pfrom: row.from, _pto: row.to, _ptype: $type, _pimport: $importId})
  SET p += row.props)
RETURN count(*) AS merged
