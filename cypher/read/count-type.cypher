// The count store's figure (constant time) less the relationships of pending imports, which
// readers do not see. {{type}} from the closed enum only.
MATCH ()-[r:{{type}}]->()
WITH count(r) AS total
RETURN total - COUNT { MATCH (p:PendingImport) MATCH ()-[s:{{type}}]->() WHERE s._import = p.id } AS n
