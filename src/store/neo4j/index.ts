// Neo4j store adapter: every query is a named file in cypher/, run with $parameters only.
import type { GraphStore } from '../graph-store.ts';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  database?: string | undefined;
}

export function openNeo4jStore(options: Neo4jStoreOptions): Promise<GraphStore> {
  return Promise.reject(new Error(`neo4j store not built yet (${options.uri})`));
}
