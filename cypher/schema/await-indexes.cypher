// init() returns once every index is online, so the first import and query use them.
CALL db.awaitIndexes($timeoutSeconds)
