// The last statement of each chunk of import $importId before its commit: its pending marker
// must still be there and not discarded (another import that found it abandoned marks it, then
// deletes it). Setting a property locks the marker until the chunk commits, so a concurrent
// discard waits for this chunk and then removes it too, and the next chunk's claim waits for this
// chunk's commit (see src/store/neo4j/imports.ts). `discarded` is read after the lock is held, so
// it is the committed value.
// replan=skip: the plan (seeks on the key constraint) does not depend on statistics, and
// re-planning as a fresh database fills took 1–8% of Neo4j's time in an import (measured).
CYPHER replan=skip
MATCH (p:PendingImport {id: $importId})
SET p.chunks = coalesce(p.chunks, 0) + 1
WITH p
WHERE p.discarded IS NULL
RETURN p.id AS importId
