// A line named twice keeps its last entry (UNWIND keeps the rows' order).
UNWIND $rows AS row
MERGE (t:LineTargetFinding {key: row.key})
SET t.declarationId = row.declarationId, t.line = row.line, t.score = row.score, t.body = row.body
