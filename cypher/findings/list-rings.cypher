MATCH (r:RingFinding)
WHERE ($typology IS NULL OR r.typology = $typology) AND r.score >= $minScore
WITH r ORDER BY r.score DESC, r.id
WITH collect(r) AS ranked
RETURN size(ranked) AS total,
  [r IN ranked[$offset..($offset + $limit)] | r {.id, .typology, .score, .revenueAtRisk, .explanation, .memberCount}] AS rings
