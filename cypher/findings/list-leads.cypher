MATCH (l:LeadFinding)
WHERE ($detector IS NULL OR l.detector = $detector) AND l.score >= $minScore
WITH l ORDER BY l.score DESC, l.detector, l.label, l.id
WITH collect(l.body) AS ranked
RETURN size(ranked) AS total, ranked[$offset..($offset + $limit)] AS leads
