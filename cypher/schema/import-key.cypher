CREATE CONSTRAINT ringscope_import_hash IF NOT EXISTS FOR (i:ImportRecord) REQUIRE i.fileHash IS UNIQUE
