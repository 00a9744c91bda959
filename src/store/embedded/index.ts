// Embedded store adapter (SQLite through better-sqlite3): the default, zero set-up store.
import type { GraphStore } from '../graph-store.ts';

export function openEmbeddedStore(path: string): Promise<GraphStore> {
  return Promise.reject(new Error(`embedded store not built yet (${path})`));
}
