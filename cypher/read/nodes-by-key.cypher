UNWIND $keys AS key
MATCH (n:Node {key: key})
RETURN n
