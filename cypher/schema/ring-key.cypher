CREATE CONSTRAINT ringscope_ring_finding_id IF NOT EXISTS FOR (r:RingFinding) REQUIRE r.id IS UNIQUE
