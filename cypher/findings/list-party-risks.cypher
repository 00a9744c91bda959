MATCH (p:PartyRiskFinding)
WHERE p.score >= $minScore
RETURN p.body AS body
ORDER BY p.score DESC, p.label, p.id
LIMIT $limit
