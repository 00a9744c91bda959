// The count store's figure (constant time) less the relationships of pending imports, which
// readers do not see: those tagged with a pending import and those with an end a pending import
// created (such relationships carry no tag of their own). The second count runs only while an
// import is pending. {{type}} from the closed enum only.
MATCH ()-[r:{{type}}]->()
WITH count(r) AS total
WITH total, COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
RETURN total - CASE WHEN size(pending) = 0 THEN 0 ELSE COUNT {
  MATCH (a)-[s:{{type}}]->(b)
  WHERE s._import IN pending OR a._import IN pending OR b._import IN pending
} END AS n
