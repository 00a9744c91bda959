MATCH (m:RiskModel)
RETURN m.contentHash AS contentHash, m.createdAt AS createdAt, m.savedAt AS savedAt,
       m.metrics AS metrics, m.current AS current
ORDER BY m.savedAt DESC, m.contentHash
