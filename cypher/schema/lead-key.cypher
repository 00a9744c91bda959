CREATE CONSTRAINT ringscope_lead_key IF NOT EXISTS FOR (l:LeadFinding) REQUIRE l.key IS UNIQUE
