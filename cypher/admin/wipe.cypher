// Empties the database (tests and benchmarks only: they run against a scratch Neo4j).
MATCH (n)
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
