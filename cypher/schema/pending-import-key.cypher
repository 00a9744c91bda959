CREATE CONSTRAINT ringscope_pending_import_id IF NOT EXISTS FOR (p:PendingImport) REQUIRE p.id IS UNIQUE
