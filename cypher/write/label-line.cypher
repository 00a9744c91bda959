// An inspection result as a stored declaration line's label. Set as real properties, which win
// over the packed `_props` of the import when read back; a null revenue keeps the stored value.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
MATCH (s:Node:Shipment {key: $key})
WHERE NOT coalesce(s._import, '') IN pending
SET s.inspected = true, s.illicit = $illicit, s.revenueRecovered = coalesce($revenueRecovered, s.revenueRecovered)
RETURN count(s) AS labelled
