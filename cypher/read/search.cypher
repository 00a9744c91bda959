// Search in one round trip, each kind an index seek (node-key constraint, _nameKey index), merged
// and ranked by src/store/search-ranking.ts: exact id among $labels; the lines of a declaration
// ($declarationPrefix = 'Shipment:<id>/', null when Shipment is not asked for), in key order;
// identifier nodes by their normalised keys ($identifierKeys); name prefix among $labels in
// (name, key) order, leaving out nodes already found another way so that $limit of them are new.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
CALL (pending) {
  UNWIND $labels AS label
  MATCH (n:Node {key: label + ':' + $id})
  WHERE NOT coalesce(n._import, '') IN pending
  RETURN collect(n) AS byId
}
CALL (pending) {
  MATCH (n:Node)
  WHERE n.key STARTS WITH $declarationPrefix AND NOT coalesce(n._import, '') IN pending
  WITH n
  ORDER BY n.key
  LIMIT $limit
  RETURN collect(n) AS declarations
}
CALL (pending) {
  UNWIND $identifierKeys AS key
  MATCH (n:Node {key: key})
  WHERE NOT coalesce(n._import, '') IN pending
  RETURN collect(n) AS identifiers
}
CALL (pending, byId, declarations, identifiers) {
  MATCH (n:Node)
  WHERE n._nameKey STARTS WITH $prefix AND any(l IN labels(n) WHERE l IN $labels) AND NOT coalesce(n._import, '') IN pending
    AND NOT (n IN byId OR n IN declarations OR n IN identifiers)
  WITH n
  ORDER BY n._nameKey, n.key
  LIMIT $limit
  RETURN collect(n) AS names
}
RETURN byId, declarations, identifiers, names
