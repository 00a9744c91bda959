// Priority of a ring stored before priorities existed: the same formula as src/scoring/ring.ts.
MATCH (r:RingFinding)
WHERE ($typology IS NULL OR r.typology = $typology) AND r.score >= $minScore
WITH r, coalesce(r.priority, round(r.score * (1 + log10(1 + r.revenueAtRisk)), 6)) AS priority
WITH r, priority ORDER BY CASE WHEN $sort = 'score' THEN 0 ELSE priority END DESC, r.score DESC, r.id
WITH collect(r {.id, .typology, .score, .revenueAtRisk, priority: priority, .explanation, .memberCount}) AS ranked
RETURN size(ranked) AS total, ranked[$offset..($offset + $limit)] AS rings
