// Answered from Neo4j's count store: constant time. {{type}} from the closed enum only.
MATCH ()-[r:{{type}}]->() RETURN count(r) AS n
