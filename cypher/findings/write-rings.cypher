// A ring's full JSON (indicators, evidence) is kept as `body`; the other properties are for
// ranking, filtering and for investigators browsing Neo4j.
UNWIND $rows AS row
CREATE (:RingFinding {
  id: row.id, typology: row.typology, score: row.score, revenueAtRisk: row.revenueAtRisk,
  priority: row.priority, explanation: row.explanation, memberCount: row.memberCount,
  memberKeys: row.memberKeys, body: row.body
})
