// Upserts nodes of one label. Known incoming props win, props the row does not know are kept
// (nulls were dropped before sending), the first source is kept. {{label}} comes from the
// closed NodeLabel enum only, escaped by cypherLabel().
UNWIND $rows AS row
MERGE (n:Node {key: row.key})
  ON CREATE SET n:{{label}}, n.id = row.id, n._sourceFile = row.sourceFile, n._sourceRow = row.sourceRow
SET n += row.props, n._nameKey = coalesce(row.nameKey, n._nameKey)
