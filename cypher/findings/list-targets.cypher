MATCH (t:LineTargetFinding)
RETURN t.body AS body
ORDER BY t.score DESC, t.declarationId, t.line
LIMIT $limit
