// The neighbourhood of one node in one round trip: a breadth-first expansion over the traversed
// relationship types ($types), hop by hop up to $hops (at most 4, one block per hop), with the
// semantics pinned in src/store/graph-store.ts. A node the filters refuse is neither kept nor
// expanded; each hop keeps its new nodes in key order only as far as $cut (= limit + 1) nodes in
// all, so a hub's neighbours are sorted but never all carried forward. $labels, $dateFrom,
// $dateTo and $hsPrefix are null when not asked for ($shipmentFilter: whether any of the last
// three is set). Returns no row when the start is missing. The CASEs keep the planner from
// reading properties a test does not need (`_import` when no import is pending, for instance):
// it reorders the operands of OR, never the branches of CASE. The adapter sends only the blocks
// up to $hops (src/store/neo4j/neighbourhood.ts): keep each block under its `// hop N` line.
WITH COLLECT { MATCH (p:PendingImport) RETURN p.id } AS pending
MATCH (s:Node {key: $key})
WHERE NOT coalesce(s._import, '') IN pending
WITH pending, [s] AS seen, [s] AS frontier
// hop 1
CALL (pending, seen, frontier) {
  UNWIND CASE WHEN $hops >= 1 AND size(seen) < $cut THEN frontier ELSE [] END AS f
  MATCH (f)-[r]-(n:Node)
  WHERE type(r) IN $types AND NOT n IN seen
    AND CASE WHEN size(pending) = 0 THEN true ELSE NOT (coalesce(r._import, '') IN pending OR coalesce(n._import, '') IN pending) END
    AND CASE WHEN $labels IS NULL THEN true ELSE any(l IN labels(n) WHERE l IN $labels) END
    AND CASE WHEN $shipmentFilter AND n:Shipment
      THEN ($dateFrom IS NULL OR n.date >= $dateFrom) AND ($dateTo IS NULL OR n.date <= $dateTo) AND ($hsPrefix IS NULL OR n.hsCode STARTS WITH $hsPrefix)
      ELSE true END
  WITH DISTINCT n
  ORDER BY n.key
  LIMIT $cut
  RETURN collect(n) AS found
}
WITH pending, seen + found[..$cut - size(seen)] AS seen, found[..$cut - size(seen)] AS frontier
// hop 2
CALL (pending, seen, frontier) {
  UNWIND CASE WHEN $hops >= 2 AND size(seen) < $cut THEN frontier ELSE [] END AS f
  MATCH (f)-[r]-(n:Node)
  WHERE type(r) IN $types AND NOT n IN seen
    AND CASE WHEN size(pending) = 0 THEN true ELSE NOT (coalesce(r._import, '') IN pending OR coalesce(n._import, '') IN pending) END
    AND CASE WHEN $labels IS NULL THEN true ELSE any(l IN labels(n) WHERE l IN $labels) END
    AND CASE WHEN $shipmentFilter AND n:Shipment
      THEN ($dateFrom IS NULL OR n.date >= $dateFrom) AND ($dateTo IS NULL OR n.date <= $dateTo) AND ($hsPrefix IS NULL OR n.hsCode STARTS WITH $hsPrefix)
      ELSE true END
  WITH DISTINCT n
  ORDER BY n.key
  LIMIT $cut
  RETURN collect(n) AS found
}
WITH pending, seen + found[..$cut - size(seen)] AS seen, found[..$cut - size(seen)] AS frontier
// hop 3
CALL (pending, seen, frontier) {
  UNWIND CASE WHEN $hops >= 3 AND size(seen) < $cut THEN frontier ELSE [] END AS f
  MATCH (f)-[r]-(n:Node)
  WHERE type(r) IN $types AND NOT n IN seen
    AND CASE WHEN size(pending) = 0 THEN true ELSE NOT (coalesce(r._import, '') IN pending OR coalesce(n._import, '') IN pending) END
    AND CASE WHEN $labels IS NULL THEN true ELSE any(l IN labels(n) WHERE l IN $labels) END
    AND CASE WHEN $shipmentFilter AND n:Shipment
      THEN ($dateFrom IS NULL OR n.date >= $dateFrom) AND ($dateTo IS NULL OR n.date <= $dateTo) AND ($hsPrefix IS NULL OR n.hsCode STARTS WITH $hsPrefix)
      ELSE true END
  WITH DISTINCT n
  ORDER BY n.key
  LIMIT $cut
  RETURN collect(n) AS found
}
WITH pending, seen + found[..$cut - size(seen)] AS seen, found[..$cut - size(seen)] AS frontier
// hop 4
CALL (pending, seen, frontier) {
  UNWIND CASE WHEN $hops >= 4 AND size(seen) < $cut THEN frontier ELSE [] END AS f
  MATCH (f)-[r]-(n:Node)
  WHERE type(r) IN $types AND NOT n IN seen
    AND CASE WHEN size(pending) = 0 THEN true ELSE NOT (coalesce(r._import, '') IN pending OR coalesce(n._import, '') IN pending) END
    AND CASE WHEN $labels IS NULL THEN true ELSE any(l IN labels(n) WHERE l IN $labels) END
    AND CASE WHEN $shipmentFilter AND n:Shipment
      THEN ($dateFrom IS NULL OR n.date >= $dateFrom) AND ($dateTo IS NULL OR n.date <= $dateTo) AND ($hsPrefix IS NULL OR n.hsCode STARTS WITH $hsPrefix)
      ELSE true END
  WITH DISTINCT n
  ORDER BY n.key
  LIMIT $cut
  RETURN collect(n) AS found
}
WITH pending, seen + found[..$cut - size(seen)] AS seen, found[..$cut - size(seen)] AS frontier
// The relationships among the nodes kept, each found once from its start node.
WITH pending, seen[..$cut - 1] AS nodes, size(seen) >= $cut AS truncated
CALL (pending, nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Node)
  WHERE type(r) IN $types AND b IN nodes AND CASE WHEN size(pending) = 0 THEN true ELSE NOT coalesce(r._import, '') IN pending END
  RETURN collect([a.key, type(r), b.key, properties(r)]) AS rels
}
// Property maps and [from, type, to, props] lists rather than nodes and maps: no element ids,
// labels or repeated map keys to send and decode (the key property says the label).
RETURN [n IN nodes | properties(n)] AS nodes, rels, truncated
