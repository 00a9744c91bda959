// Leiden communities of the projected party graph (weighted, seeded), streamed back as party
// keys and community ids only.
CALL gds.leiden.stream($graph, {relationshipWeightProperty: 'weight', randomSeed: $seed, gamma: $resolution,
  concurrency: $concurrency})
YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).key AS key, communityId AS community
