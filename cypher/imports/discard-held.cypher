// Undoing pending import $importId, step 3 of 3: the props it held back for older nodes and
// relationships, and last its marker (so a crash part way leaves it pending, to undo again).
MATCH (p) WHERE (p:PendingProps OR p:PendingRelProps OR p:PendingImport)
  AND coalesce(p._pimport, p.id) = $importId
CALL { WITH p DELETE p } IN TRANSACTIONS OF 5000 ROWS
