// Memory GDS needs (bytes, upper bound) to project a graph of $nodes parties and $relationships
// links and to run Leiden and WCC on it; nothing is created.
CALL gds.graph.project.estimate('*', {LINK: {type: '*', orientation: 'UNDIRECTED', properties: 'weight'}},
  {nodeCount: $nodes, relationshipCount: $relationships})
YIELD bytesMax AS projection
CALL gds.leiden.stream.estimate({nodeCount: $nodes, relationshipCount: $relationships, nodeProjection: '*',
  relationshipProjection: {LINK: {type: '*', orientation: 'UNDIRECTED', properties: 'weight'}}},
  {relationshipWeightProperty: 'weight', concurrency: $concurrency})
YIELD bytesMax AS leiden
CALL gds.wcc.stream.estimate({nodeCount: $nodes, relationshipCount: $relationships, nodeProjection: '*',
  relationshipProjection: {LINK: {type: '*', orientation: 'UNDIRECTED'}}}, {concurrency: $concurrency})
YIELD bytesMax AS wcc
RETURN projection, leiden, wcc
