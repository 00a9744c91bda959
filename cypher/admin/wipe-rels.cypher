// Empties the database of relationships first, in small transactions, so a hub with hundreds of
// thousands of relationships never lands in one transaction (tests and benchmarks only).
MATCH ()-[r]->()
CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS
