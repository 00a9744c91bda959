MATCH (r:RingFinding)
WHERE ($typology IS NULL OR r.typology = $typology) AND r.score >= $minScore
WITH r ORDER BY r.score DESC, r.id
WITH collect(r) AS all
RETURN size(all) AS total,
  [r IN all[$offset..($offset + $limit)] | r {.id, .typology, .score, .revenueAtRisk, .explanation, .memberCount}] AS rings
