// Whether the database holds anything at all (a bulk load refuses a database that does):
// one node is enough to say so, whatever its label.
OPTIONAL MATCH (n)
WITH n LIMIT 1
RETURN n IS NOT NULL AS hasData
