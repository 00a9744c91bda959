MATCH (r:DetectionRun)
RETURN r.runId AS runId, r.startedAt AS startedAt, r.finishedAt AS finishedAt, r.seed AS seed
LIMIT 1
