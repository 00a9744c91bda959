// An investigator's review of one link: accepted makes the pair SAME_AS, rejected or open (a
// reopened link, also after an acceptance) removes that relationship again. The parties
// themselves are not touched.
MATCH (a:Node)-[r:POSSIBLY_SAME_AS {linkId: $id}]->(b:Node)
SET r.status = $status, r.reviewedBy = $by, r.reviewedAt = $at
FOREACH (_ IN CASE WHEN $status = 'accepted' THEN [1] ELSE [] END | MERGE (a)-[:SAME_AS]->(b))
WITH a, r, b
OPTIONAL MATCH (a)-[s:SAME_AS]->(b)
WHERE $status <> 'accepted'
DELETE s
WITH DISTINCT a, r, b
RETURN {id: r.linkId, aKey: a.key, bKey: b.key, aName: r.aName, bName: r.bName, score: r.score,
  weight: r.weight, evidence: r.evidence, status: r.status, reviewedBy: r.reviewedBy,
  reviewedAt: r.reviewedAt} AS link
