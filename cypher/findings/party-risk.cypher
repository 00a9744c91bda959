MATCH (p:PartyRiskFinding {key: $key})
RETURN p.body AS body
