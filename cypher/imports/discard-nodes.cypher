// Undoing pending import $importId (a file of any size, so in transactions of its own), step
// 1 of 3: the nodes it created, with their relationships.
MATCH (n:Node) WHERE n._import = $importId
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
