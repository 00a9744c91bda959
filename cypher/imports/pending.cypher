// Pending imports: their writers are gone (crashed, killed, aborted) or still running.
MATCH (p:PendingImport)
RETURN p.id AS importId, p.fileName AS fileName, p.startedAt AS startedAt
