// Leiden communities of the projected party graph (weighted, seeded), streamed back as party
// keys and community ids only. $config: relationshipWeightProperty, randomSeed, gamma and, on
// Community Edition, concurrency (at most 4).
CALL gds.leiden.stream($graph, $config)
YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).key AS key, communityId AS community
