MATCH (i:ImportRecord)
RETURN i.fileHash AS fileHash, i.fileName AS fileName, i.rows AS rows, i.importedAt AS importedAt
ORDER BY importedAt, fileHash
