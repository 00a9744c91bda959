MATCH (r:RingFinding {id: $id})
RETURN r.body AS body
