// At commit: the props the import brought for relationships that already existed.
MATCH (p:PendingRelProps {_pimport: $importId})
MATCH (a:Node {key: p._pfrom})-[r]->(b:Node {key: p._pto})
WHERE type(r) = p._ptype
SET r += properties(p)
REMOVE r._pfrom, r._pto, r._ptype, r._pimport
DELETE p
