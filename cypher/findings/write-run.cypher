CREATE (:DetectionRun {runId: $runId, startedAt: $startedAt, finishedAt: $finishedAt, seed: $seed})
