MATCH (r:RingFinding)
WHERE $key IN r.memberKeys
RETURN r {.id, .typology, .score, .revenueAtRisk, .explanation, .memberCount} AS ring
ORDER BY r.score DESC, r.id
