MATCH (m:RiskModel {current: true})
RETURN m.contentHash AS contentHash, m.createdAt AS createdAt, m.metrics AS metrics, m.body AS body
LIMIT 1
