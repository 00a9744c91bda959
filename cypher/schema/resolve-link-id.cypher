CREATE INDEX ringscope_resolve_link_id IF NOT EXISTS FOR ()-[r:POSSIBLY_SAME_AS]-() ON (r.linkId)
