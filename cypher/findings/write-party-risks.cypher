// A party named twice keeps its last entry (UNWIND keeps the rows' order).
UNWIND $rows AS row
MERGE (p:PartyRiskFinding {key: row.key})
SET p.label = row.label, p.id = row.id, p.score = row.score, p.body = row.body
