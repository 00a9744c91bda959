// Drops the projection a detection made (no error when it is already gone).
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN graphName
