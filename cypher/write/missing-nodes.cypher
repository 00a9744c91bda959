// Which of these node keys do not exist (to name the end node a relationship lacks).
// replan=skip: the plan (seeks on the key constraint) does not depend on statistics, and
// re-planning as a fresh database fills took 1–8% of Neo4j's time in an import (measured).
CYPHER replan=skip
UNWIND $keys AS key
OPTIONAL MATCH (n:Node {key: key})
WITH key, n WHERE n IS NULL
RETURN key
