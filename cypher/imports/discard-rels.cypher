// Undoing pending import $importId, step 2 of 3: the relationships it added between older nodes.
MATCH ()-[r]->() WHERE r._import = $importId
CALL { WITH r DELETE r } IN TRANSACTIONS OF 5000 ROWS
