// Components of the parties tied by shared identifiers (the IDENTIFIER links only), streamed
// back as party keys and component ids only.
// $config: relationshipTypes ['IDENTIFIER'] and, on Community Edition, concurrency.
CALL gds.wcc.stream($graph, $config)
YIELD nodeId, componentId
RETURN gds.util.asNode(nodeId).key AS key, componentId AS component
