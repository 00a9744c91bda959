// The count store's figure (constant time) less the nodes of pending imports, which readers do
// not see (that second count scans the label only while an import is pending).
// {{label}} from the closed enum only.
MATCH (n:{{label}})
WITH count(n) AS total
RETURN total - COUNT { MATCH (p:PendingImport) MATCH (m:{{label}}) WHERE m._import = p.id } AS n
