// The import's last transaction: the record is written and the pending marker removed
// together, so the whole file becomes visible at once.
MERGE (i:ImportRecord {fileHash: $fileHash})
SET i.fileName = $fileName, i.rows = $rows, i.importedAt = $importedAt
WITH i
OPTIONAL MATCH (p:PendingImport {id: $importId})
DELETE p
