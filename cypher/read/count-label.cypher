// Answered from Neo4j's count store: constant time. {{label}} from the closed enum only.
MATCH (n:{{label}}) RETURN count(n) AS n
