CREATE CONSTRAINT ringscope_party_risk_key IF NOT EXISTS FOR (p:PartyRiskFinding) REQUIRE p.key IS UNIQUE
