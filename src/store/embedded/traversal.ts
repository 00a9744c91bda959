// The embedded store's side of neighbourhood and path queries: the lookups the shared
// traversal (../traversal.ts) needs, each one indexed query over a batch of nodes.
import type { GraphNode, GraphRel, NodeLabel, NodeRef } from '../../model/index.ts';
import { UNTRAVERSED_TYPES } from '../traversal.ts';
import type { Incidence, TraversalSource } from '../traversal.ts';
import { NODE_COLUMNS, nodeFromRow, REL_COLUMNS, refsParam, relFromRow } from './rows.ts';
import type { NodeRow, RelRow } from './rows.ts';
import type { Db } from './schema.ts';

// The closed enum's values, never user input, so they may be written into the SQL text.
const SKIPPED = UNTRAVERSED_TYPES.map((t) => `'${t}'`).join(', ');
const REFS = 'q (label, id) AS (SELECT value ->> 0, value ->> 1 FROM json_each(?))';

export function selectNodes(db: Db, refs: readonly NodeRef[]): GraphNode[] {
  if (refs.length === 0) return [];
  const rows = db
    .prepare(`WITH ${REFS} SELECT ${NODE_COLUMNS} FROM q CROSS JOIN nodes n USING (label, id)`)
    .all(refsParam(refs)) as NodeRow[];
  return rows.map(nodeFromRow);
}

export function embeddedTraversal(db: Db): TraversalSource {
  const incident = db.prepare(`WITH ${REFS}
    SELECT q.label AS at_label, q.id AS at_id, r.id AS rel, r.to_label AS label, r.to_id AS id
      FROM q CROSS JOIN rels r ON r.from_label = q.label AND r.from_id = q.id WHERE r.type NOT IN (${SKIPPED})
    UNION ALL
    SELECT q.label, q.id, r.id, r.from_label, r.from_id
      FROM q CROSS JOIN rels r ON r.to_label = q.label AND r.to_id = q.id WHERE r.type NOT IN (${SKIPPED})`);
  const among = db.prepare(`WITH ${REFS}
    SELECT ${REL_COLUMNS.split(', ')
      .map((c) => `r.${c}`)
      .join(', ')}
      FROM q CROSS JOIN rels r ON r.from_label = q.label AND r.from_id = q.id
     WHERE r.type NOT IN (${SKIPPED}) AND (r.to_label, r.to_id) IN (SELECT label, id FROM q)`);
  const rels = db.prepare(`SELECT ${REL_COLUMNS} FROM rels WHERE id IN (SELECT value FROM json_each(?))`);

  return {
    getNodes: (refs) => Promise.resolve(selectNodes(db, refs)),
    incident: (refs) => {
      const byNode = new Map<string, Incidence[]>();
      if (refs.length === 0) return Promise.resolve(byNode);
      const rows = incident.all(refsParam(refs)) as {
        at_label: string;
        at_id: string;
        rel: string;
        label: NodeLabel;
        id: string;
      }[];
      for (const row of rows) {
        const at = `${row.at_label}:${row.at_id}`;
        let list = byNode.get(at);
        if (!list) byNode.set(at, (list = []));
        list.push({ relId: row.rel, other: { label: row.label, id: row.id } });
      }
      return Promise.resolve(byNode);
    },
    relsAmong: (refs) =>
      Promise.resolve(refs.length === 0 ? [] : (among.all(refsParam(refs)) as RelRow[]).map(relFromRow)),
    getRels: (ids): Promise<GraphRel[]> =>
      Promise.resolve(ids.length === 0 ? [] : (rels.all(JSON.stringify(ids)) as RelRow[]).map(relFromRow)),
  };
}
