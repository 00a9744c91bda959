// Search for the explorer's typeahead: exact id, declaration id, identifier value and name
// prefix, each an indexed lookup (never a scan), merged and ranked as graph-store.ts pins.
import { IDENTIFIER_LABELS, nameSearchKey, NodeLabel, normaliseIdentifier } from '../../model/index.ts';
import type { GraphNode } from '../../model/index.ts';
import type { SearchHit } from '../graph-store.ts';
import { checkSearchLimit, SearchRanking } from '../search-ranking.ts';
import { NODE_COLUMNS, nodeFromRow } from './rows.ts';
import type { NodeRow } from './rows.ts';
import type { Db } from './schema.ts';
import { selectNodes } from './traversal.ts';

/** Above every character: `prefix + TOP` bounds the range of strings starting with prefix. */
const TOP = '\u{10FFFF}';

export function searchNodes(
  db: Db,
  text: string,
  options: { limit: number; labels?: NodeLabel[] },
): SearchHit[] {
  const { limit } = options;
  checkSearchLimit(limit);
  const query = text.trim();
  if (query === '') return [];
  const labels: readonly NodeLabel[] = options.labels ?? NodeLabel.options;
  const labelsJson = JSON.stringify(labels);
  const ranking = new SearchRanking();
  const add = (node: GraphNode, match: SearchHit['match']): void => ranking.add(node, match);

  const byId = db
    .prepare(`SELECT ${NODE_COLUMNS} FROM nodes WHERE label IN (SELECT value FROM json_each(?)) AND id = ?`)
    .all(labelsJson, query) as NodeRow[];
  for (const row of byId) add(nodeFromRow(row), 'id');

  if (labels.includes('Shipment')) {
    // Shipment ids are `declarationId/line`: the lines of a declaration are one key range.
    const lines = db
      .prepare(
        `SELECT ${NODE_COLUMNS} FROM nodes WHERE label = 'Shipment' AND id > ? AND id < ? ORDER BY id LIMIT ?`,
      )
      .all(`${query}/`, `${query}/${TOP}`, limit) as NodeRow[];
    for (const row of lines) add(nodeFromRow(row), 'declaration');
  }

  const identifiers = IDENTIFIER_LABELS.filter((l) => labels.includes(l)).flatMap((label) => {
    const id = normaliseIdentifier(label, query);
    return id === null ? [] : [{ label, id }];
  });
  for (const node of selectNodes(db, identifiers)) add(node, 'identifier');

  const prefix = nameSearchKey(query);
  const named = db
    .prepare(
      `SELECT ${NODE_COLUMNS} FROM nodes INDEXED BY nodes_name
        WHERE name_lc >= ? AND name_lc < ? AND +label IN (SELECT value FROM json_each(?))
        ORDER BY name_lc, label, id LIMIT ?`,
    )
    .all(prefix, prefix + TOP, labelsJson, limit + ranking.size) as NodeRow[];
  for (const row of named) add(nodeFromRow(row), 'name');

  return ranking.top(limit);
}
