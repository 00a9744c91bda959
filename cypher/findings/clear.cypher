// Findings are replaced as a whole: the previous run goes in the same transaction.
MATCH (f)
WHERE f:DetectionRun OR f:RingFinding OR f:PartyRiskFinding OR f:LineTargetFinding OR f:LeadFinding
DETACH DELETE f
