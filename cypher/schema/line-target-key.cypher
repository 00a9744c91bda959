CREATE CONSTRAINT ringscope_line_target_key IF NOT EXISTS FOR (t:LineTargetFinding) REQUIRE t.key IS UNIQUE
