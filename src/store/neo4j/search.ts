// Search on Neo4j in one round trip (cypher/read/search.cypher): exact id, declaration id,
// identifier value and name prefix, each an indexed lookup on the node key or the lower-case
// name, merged and ranked by ../search-ranking.ts as in the embedded store.
import neo4j from 'neo4j-driver';
import type { Node as Neo4jNode } from 'neo4j-driver';
import {
  IDENTIFIER_LABELS,
  nameSearchKey,
  NodeLabel,
  nodeKey,
  normaliseIdentifier,
} from '../../model/index.ts';
import type { SearchHit } from '../graph-store.ts';
import { checkSearchLimit, SearchRanking } from '../search-ranking.ts';
import { query } from './cypher.ts';
import { decodeNode } from './encode.ts';
import type { CypherExecutor } from './executor.ts';

/** The result columns in rank order, each with the match kind it stands for. */
const KINDS = [
  ['byId', 'id'],
  ['declarations', 'declaration'],
  ['identifiers', 'identifier'],
  ['names', 'name'],
] as const satisfies readonly (readonly [string, SearchHit['match']])[];

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
  const identifierKeys = IDENTIFIER_LABELS.filter((l) => labels.includes(l)).flatMap((label) => {
    const id = normaliseIdentifier(label, q);
    return id === null ? [] : [nodeKey({ label, id })];
  });
  const [record] = await executor.read(query('read/search'), {
    labels,
    id: q,
    declarationPrefix: labels.includes('Shipment') ? `Shipment:${q}/` : null,
    identifierKeys,
    prefix: nameSearchKey(q),
    limit: neo4j.int(limit),
  });
  const ranking = new SearchRanking();
  for (const [column, match] of KINDS) {
    for (const node of (record?.get(column) ?? []) as Neo4jNode[]) ranking.add(decodeNode(node), match);
  }
  return ranking.top(limit);
}
