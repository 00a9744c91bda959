// Undoing pending import $importId, step 0 of 3: marks it discarded. Setting a property locks the
// marker, so this waits for a chunk of the import that is still being written or committed (its
// claim holds that lock until the chunk commits): what the chunk wrote is in place before step 1
// removes it, and a chunk claimed after this finds the marker discarded (imports/claim).
MATCH (p:PendingImport {id: $importId})
SET p.discarded = true
