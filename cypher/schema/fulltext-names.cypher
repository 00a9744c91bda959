// Full-text index over names and identifier values, for investigators querying Neo4j directly
// (CALL db.index.fulltext.queryNodes('ringscope_names', 'harbour~')).
CREATE FULLTEXT INDEX ringscope_names IF NOT EXISTS FOR (n:Node) ON EACH [n.name, n.value]
