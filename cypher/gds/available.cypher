// Whether Graph Data Science answers, its version and the server's edition (Community GDS
// runs at most 4 threads). Fails when GDS is not installed.
CALL dbms.components() YIELD edition
RETURN gds.version() AS version, edition
LIMIT 1
