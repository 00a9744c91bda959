CREATE INDEX ringscope_pending_rel_props IF NOT EXISTS FOR (p:PendingRelProps) ON (p._pimport, p._pfrom, p._pto, p._ptype)
