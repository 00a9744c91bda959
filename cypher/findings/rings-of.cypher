MATCH (r:RingFinding)
WHERE $key IN r.memberKeys
RETURN r {.id, .typology, .score, .revenueAtRisk, .explanation, .memberCount,
  priority: coalesce(r.priority, round(r.score * (1 + log10(1 + r.revenueAtRisk)), 6))} AS ring
ORDER BY r.score DESC, r.id
