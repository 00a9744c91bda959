// A lead's full JSON (path, evidence) is kept as `body`; the other properties are for ranking,
// filtering and for investigators browsing Neo4j. A party named twice by one detector keeps its
// last entry (UNWIND keeps the rows' order).
UNWIND $rows AS row
MERGE (l:LeadFinding {key: row.key})
SET l.detector = row.detector, l.label = row.label, l.id = row.id, l.score = row.score,
  l.reason = row.reason, l.body = row.body
