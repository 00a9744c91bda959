// Exact id, among the given labels.
UNWIND $labels AS label
MATCH (n:Node {key: label + ':' + $id})
RETURN n
