// Every Ringscope node carries :Node and key = `Label:id` (nodeKey): one unique constraint
// makes ids unique per label and backs every lookup by reference, whatever the label.
CREATE CONSTRAINT ringscope_node_key IF NOT EXISTS FOR (n:Node) REQUIRE n.key IS UNIQUE
