// Written inside the import's own transaction: the record and the data commit together.
MERGE (i:ImportRecord {fileHash: $fileHash})
SET i.fileName = $fileName, i.rows = $rows, i.importedAt = $importedAt
