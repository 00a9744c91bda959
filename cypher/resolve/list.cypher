// Resolution links by (score desc, id), filtered by status and minScore; total before the page.
MATCH (a:Node)-[r:POSSIBLY_SAME_AS]->(b:Node)
WHERE ($status IS NULL OR r.status = $status) AND r.score >= $minScore
WITH a, r, b ORDER BY r.score DESC, r.linkId
WITH collect({id: r.linkId, aKey: a.key, bKey: b.key, aName: r.aName, bName: r.bName, score: r.score,
  weight: r.weight, evidence: r.evidence, status: r.status, reviewedBy: r.reviewedBy,
  reviewedAt: r.reviewedAt}) AS ranked
RETURN size(ranked) AS total, ranked[$offset..($offset + $limit)] AS links
