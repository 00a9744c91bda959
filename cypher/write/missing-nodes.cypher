// Which of these node keys do not exist (to name the end node a relationship lacks).
UNWIND $keys AS key
OPTIONAL MATCH (n:Node {key: key})
WITH key, n WHERE n IS NULL
RETURN key
