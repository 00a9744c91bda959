// Lower-case names (nameSearchKey) for case-insensitive prefix search.
CREATE INDEX ringscope_node_name IF NOT EXISTS FOR (n:Node) ON (n._nameKey)
