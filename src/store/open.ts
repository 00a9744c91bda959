// Opens the store the configuration names: the embedded file by default, Neo4j when a Bolt URI
// is given. Every command, the server and the tests open stores through here.
import type { GraphStore } from './graph-store.ts';

export interface StoreOptions {
  /** Embedded store file (default ./data/ringscope.db). */
  db?: string;
  /** Neo4j Bolt URI, e.g. bolt://127.0.0.1:7687; when set, the Neo4j adapter is used. */
  neo4j?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
}

export const DEFAULT_DB_PATH = './data/ringscope.db';

export async function openStore(options: StoreOptions): Promise<GraphStore> {
  let store: GraphStore;
  if (options.neo4j) {
    const { openNeo4jStore } = await import('./neo4j/index.ts');
    store = await openNeo4jStore({
      uri: options.neo4j,
      user: options.neo4jUser ?? process.env.NEO4J_USER ?? 'neo4j',
      password: options.neo4jPassword ?? process.env.NEO4J_PASSWORD ?? '',
      database: options.neo4jDatabase ?? process.env.NEO4J_DATABASE,
    });
  } else {
    const { openEmbeddedStore } = await import('./embedded/index.ts');
    store = await openEmbeddedStore(options.db ?? DEFAULT_DB_PATH);
  }
  await store.init();
  return store;
}
