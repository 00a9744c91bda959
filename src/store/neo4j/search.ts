// Search on Neo4j: exact id, declaration id, identifier value and name prefix, each an indexed
// lookup on the node key or the lower-case name, merged and ranked by ../search-ranking.ts.
import neo4j from 'neo4j-driver';
import type { Node as Neo4jNode } from 'neo4j-driver';
import { IDENTIFIER_LABELS, nameSearchKey, NodeLabel, normaliseIdentifier } from '../../model/index.ts';
import type { SearchHit } from '../graph-store.ts';
import { checkSearchLimit, SearchRanking } from '../search-ranking.ts';
import { query } from './cypher.ts';
import { decodeNode } from './encode.ts';
import type { CypherExecutor } from './executor.ts';
import { selectNodes } from './traversal.ts';

export async function searchNodes(
  executor: CypherExecutor,
  text: string,
  options: { limit: number; labels?: NodeLabel[] },
): Promise<SearchHit[]> {
  const { limit } = options;
  checkSearchLimit(limit);
  const q = text.trim();
  if (q === '') return [];
  const labels: readonly NodeLabel[] = options.labels ?? NodeLabel.options;
  const ranking = new SearchRanking();
  const nodesOf = (records: { get(key: string): unknown }[]) => records.map((r) => decodeNode(r.get('n') as Neo4jNode));

  for (const node of nodesOf(await executor.read(query('read/search-id'), { labels, id: q }))) ranking.add(node, 'id');

  if (labels.includes('Shipment')) {
    const lines = await executor.read(query('read/search-declaration'), {
      prefix: `Shipment:${q}/`,
      limit: neo4j.int(limit),
    });
    for (const node of nodesOf(lines)) ranking.add(node, 'declaration');
  }

  const identifiers = IDENTIFIER_LABELS.filter((l) => labels.includes(l)).flatMap((label) => {
    const id = normaliseIdentifier(label, q);
    return id === null ? [] : [{ label, id }];
  });
  for (const node of await selectNodes(executor, identifiers)) ranking.add(node, 'identifier');

  const named = await executor.read(query('read/search-name'), {
    prefix: nameSearchKey(q),
    labels,
    limit: neo4j.int(limit + ranking.size),
  });
  for (const node of nodesOf(named)) ranking.add(node, 'name');
  return ranking.top(limit);
}
