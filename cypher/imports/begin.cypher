// Marks an import as pending: until imports/record deletes this marker in the import's last
// transaction, readers hide every node and relationship tagged with its id.
CREATE (:PendingImport {id: $importId, fileHash: $fileHash, fileName: $fileName, startedAt: $startedAt})
