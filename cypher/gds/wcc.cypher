// Components of the parties tied by shared identifiers (the IDENTIFIER links only), streamed
// back as party keys and component ids only.
CALL gds.wcc.stream($graph, {relationshipTypes: ['IDENTIFIER'], concurrency: $concurrency})
YIELD nodeId, componentId
RETURN gds.util.asNode(nodeId).key AS key, componentId AS component
