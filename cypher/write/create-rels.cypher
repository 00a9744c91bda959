// Creates relationships of one type, without props, that cannot exist yet: one end was created
// by this statement's import in the same batch (the writer keeps one row per relationship). They
// carry no `_import` tag: readers hide them through that end while the import is pending, and
// undoing the import removes them with it (DETACH DELETE). Returns how many rows found both ends.
// Rows are [from key, to key]. {{type}} comes from the closed RelType enum only, escaped by
// cypherLabel().
// replan=skip: the plan (seeks on the key constraint) does not depend on statistics, and
// re-planning as a fresh database fills took 1–8% of Neo4j's time in an import (measured).
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Node {key: row[0]})
MATCH (b:Node {key: row[1]})
CREATE (a)-[:{{type}}]->(b)
RETURN count(*) AS merged
