// Props an import holds back for nodes that already existed, one node per (import, key).
CREATE INDEX ringscope_pending_props IF NOT EXISTS FOR (p:PendingProps) ON (p._pimport, p._pkey)
