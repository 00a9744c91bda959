// Resolution candidates upserted by pair: a new pair is stored open; a stored one takes the new
// names, score, weight and evidence (JSON text) and keeps its review. Both parties were checked
// to exist (write/missing-nodes) before this runs.
UNWIND $rows AS row
MATCH (a:Node {key: row.aKey})
MATCH (b:Node {key: row.bKey})
MERGE (a)-[r:POSSIBLY_SAME_AS]->(b)
  ON CREATE SET r.linkId = row.id, r.status = 'open'
SET r.aName = row.aName, r.bName = row.bName, r.score = row.score, r.weight = row.weight,
  r.evidence = row.evidence
RETURN count(r) AS written
