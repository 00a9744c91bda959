// The projections detection made that are still in the catalogue (none once a run has ended).
CALL gds.graph.list() YIELD graphName
WITH graphName WHERE graphName STARTS WITH 'ringscope-parties-'
RETURN graphName ORDER BY graphName
