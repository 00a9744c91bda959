CREATE CONSTRAINT ringscope_risk_model_hash IF NOT EXISTS FOR (m:RiskModel) REQUIRE m.contentHash IS UNIQUE
