// The candidates of full-text search: the ringscope_text index queried with $lucene (every query
// word inside a term, or within its edits of one; built by luceneQuery in src/store/text-search.ts
// from letters and digits only), at most $limit by Lucene score, among $labels, nodes of pending
// imports left out. Which candidates match and their order are decided by src/store/text-search.ts.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
CALL db.index.fulltext.queryNodes('ringscope_text', $lucene, {limit: $limit}) YIELD node
WHERE any(l IN labels(node) WHERE l IN $labels) AND NOT coalesce(node._import, '') IN pending
RETURN properties(node) AS node
