OPTIONAL MATCH (old:RiskModel {current: true})
SET old.current = false
WITH count(old) AS cleared
MERGE (m:RiskModel {contentHash: $contentHash})
  ON CREATE SET m.createdAt = $createdAt, m.savedAt = $savedAt, m.metrics = $metrics, m.body = $body
SET m.current = true
