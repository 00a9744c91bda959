MATCH (r:RingFinding {id: $id})
RETURN r.body AS body, coalesce(r.priority, round(r.score * (1 + log10(1 + r.revenueAtRisk)), 6)) AS priority
