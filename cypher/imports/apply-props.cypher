// At commit (in the import's last transaction): the props the import brought for nodes that
// already existed, applied at once, so readers see them together with the rest of the file.
// properties(p) carries `_nameKey` when the import knew a name, so the name key follows it.
MATCH (p:PendingProps {_pimport: $importId})
MATCH (n:Node {key: p._pkey})
SET n += properties(p)
REMOVE n._pkey, n._pimport
DELETE p
