// How many transactions the server is running besides this one (tests only: a client killed
// mid-import may have sent a commit the server is still applying; until it ends, a read can see
// the count store and a scan at different moments, as Neo4j reads committed data).
SHOW TRANSACTIONS YIELD transactionId, currentQuery
WHERE NOT currentQuery CONTAINS 'SHOW TRANSACTIONS'
RETURN count(transactionId) AS running
