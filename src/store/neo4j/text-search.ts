// Full-text search on Neo4j: candidates from the ringscope_text Lucene index
// (cypher/read/search-text.cypher), matched and ranked by ../text-search.ts as in the embedded store.
import neo4j from 'neo4j-driver';
import { NodeLabel } from '../../model/index.ts';
import type { SearchOptions } from '../graph-store.ts';
import { luceneQuery, rankTextHits, TEXT_CANDIDATES, textQueryOf, type TextHit } from '../text-search.ts';
import { query } from './cypher.ts';
import { decodeNodeProperties } from './encode.ts';
import type { CypherExecutor } from './executor.ts';

export async function searchText(
  executor: CypherExecutor,
  text: string,
  options: SearchOptions,
): Promise<TextHit[]> {
  const q = textQueryOf(text, options.limit);
  if (q === null) return [];
  const records = await executor.read(query('read/search-text'), {
    lucene: luceneQuery(q),
    labels: options.labels ?? NodeLabel.options,
    limit: neo4j.int(TEXT_CANDIDATES),
  });
  const nodes = records.map((r) => decodeNodeProperties(r.get('node') as Record<string, unknown>));
  return rankTextHits(nodes, q, options);
}
