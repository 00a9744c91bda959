// The weighted party graph of detection projected into Graph Data Science, the same links and
// damping as src/graph/projection.ts: every party a node; identifier (type IDENTIFIER),
// director, succession and trade links as undirected relationships with a `weight`.
// Accepted SAME_AS groups are one node: $aliases maps an aliased party's key to its group's
// representative (src/graph/aliases.ts), which stands for it in every row; $members maps the
// representative to its aliased keys, whose lines count as its own in the trade share.
// $graph is a name Ringscope generated; parameters only.
CALL {
  MATCH (p:Importer|Consignee|Broker|Supplier|Person)
  CALL { WITH p OPTIONAL MATCH (r:Node {key: $aliases[p.key]}) RETURN coalesce(r, p) AS a }
  RETURN a, null AS b, 0.0 AS w, 'NONE' AS kind
  UNION ALL
  // Identifiers shared by 2 … $maxIdentifierHolders parties, damped by 1/log2(1 + holders).
  MATCH (i:Address|Phone|Email|BankAccount)
  WITH i, [(p:Importer|Consignee|Broker|Supplier|Person)-[:HAS_ADDRESS|HAS_PHONE|HAS_EMAIL|HAS_ACCOUNT]->(i) | p] AS held
  WHERE 2 <= size(held) <= $maxIdentifierHolders
  UNWIND held AS p
  CALL { WITH p OPTIONAL MATCH (r:Node {key: $aliases[p.key]}) RETURN coalesce(r, p) AS holder }
  WITH i, collect(holder) AS holders
  WITH i, holders, size(holders) AS k
  WITH holders, k, CASE WHEN i:BankAccount THEN $weights.bank_account WHEN i:Phone THEN $weights.phone
    WHEN i:Email THEN $weights.email ELSE $weights.address END AS base
  UNWIND range(0, k - 2) AS x
  UNWIND range(x + 1, k - 1) AS y
  WITH holders[x] AS a, holders[y] AS b, base * log(2.0) / log(1.0 + k) AS w
  WHERE a <> b
  RETURN a, b, w, 'IDENTIFIER' AS kind
  UNION ALL
  // Directors, damped by how many firms the person directs; successions at full weight.
  MATCH (p:Importer|Consignee|Broker|Supplier|Person)-[:DIRECTS]->(f:Importer|Consignee|Broker|Supplier|Person)
  CALL { WITH p OPTIONAL MATCH (r:Node {key: $aliases[p.key]}) RETURN coalesce(r, p) AS d }
  CALL { WITH f OPTIONAL MATCH (r:Node {key: $aliases[f.key]}) RETURN coalesce(r, f) AS firm }
  WITH d, collect(firm) AS firms
  UNWIND firms AS f
  WITH d AS a, f AS b, $weights.director * log(2.0) / log(1.0 + size(firms)) AS w
  WHERE a <> b
  RETURN a, b, w, 'DIRECTOR' AS kind
  UNION ALL
  MATCH (p:Importer|Consignee|Broker|Supplier|Person)-[:SUCCEEDS]->(f:Importer|Consignee|Broker|Supplier|Person)
  CALL { WITH p OPTIONAL MATCH (r:Node {key: $aliases[p.key]}) RETURN coalesce(r, p) AS a }
  CALL { WITH f OPTIONAL MATCH (r:Node {key: $aliases[f.key]}) RETURN coalesce(r, f) AS b }
  WITH a, b
  WHERE a <> b
  RETURN a, b, $weights.succession AS w, 'SUCCESSION' AS kind
  UNION ALL
  // Trade: the importer's share of its lines with the partner, damped by the partner's clients.
  MATCH (s:Shipment)-[r:DECLARED_BY|CONSIGNED_TO|SUPPLIED_BY]->(p:Broker|Consignee|Supplier)
  WHERE ($from IS NULL OR s.date >= $from) AND ($to IS NULL OR s.date <= $to)
    AND ((p:Broker AND type(r) = 'DECLARED_BY') OR (p:Consignee AND type(r) = 'CONSIGNED_TO')
      OR (p:Supplier AND type(r) = 'SUPPLIED_BY'))
  MATCH (s)-[:IMPORTED_BY]->(m:Importer)
  WITH p, type(r) AS t, m, count(*) AS n
  CALL { WITH p OPTIONAL MATCH (r:Node {key: $aliases[p.key]}) RETURN coalesce(r, p) AS partner }
  CALL { WITH m OPTIONAL MATCH (r:Node {key: $aliases[m.key]}) RETURN coalesce(r, m) AS importer }
  WITH partner, t, importer, sum(n) AS n
  WITH partner, t, collect({m: importer, n: n}) AS clients
  UNWIND clients AS c
  WITH c.m AS a, partner AS b, c.n AS n, size(clients) AS k,
    CASE t WHEN 'DECLARED_BY' THEN $weights.broker WHEN 'CONSIGNED_TO' THEN $weights.consignee
      ELSE $weights.supplier END AS base
  // An importer's lines are its group's lines: its own and those of the parties merged into it.
  WITH a, b, n, k, base, COUNT {
    MATCH (l:Shipment)-[:IMPORTED_BY]->(a)
    WHERE ($from IS NULL OR l.date >= $from) AND ($to IS NULL OR l.date <= $to)
  } + COUNT {
    MATCH (x:Node) WHERE x.key IN coalesce($members[a.key], [])
    MATCH (l:Shipment)-[:IMPORTED_BY]->(x)
    WHERE ($from IS NULL OR l.date >= $from) AND ($to IS NULL OR l.date <= $to)
  } AS lines
  WHERE a <> b
  RETURN a, b, base * n / lines * log(2.0) / log(1.0 + k) AS w, 'TRADE' AS kind
}
WITH gds.graph.project($graph, a, b, {
  relationshipType: CASE WHEN b IS NULL THEN null ELSE kind END,
  relationshipProperties: CASE WHEN b IS NULL THEN null ELSE {weight: w} END
}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships
