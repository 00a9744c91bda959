// The global store options every command reads (--db, --neo4j, --json), validated once.
import type { Command } from 'commander';
import { z } from 'zod';
import { openStore } from '../../store/open.ts';
import type { GraphStore } from '../../store/graph-store.ts';

export const GlobalOptions = z.object({
  db: z.string().min(1),
  neo4j: z.string().min(1).optional(),
  json: z.boolean().optional(),
});
export type GlobalOptions = z.infer<typeof GlobalOptions>;

export function globalOptions(command: Command): GlobalOptions {
  return GlobalOptions.parse(command.optsWithGlobals());
}

/** Opens the configured store, runs `use`, and always closes it. */
export async function withStore<T>(
  options: GlobalOptions,
  use: (store: GraphStore) => Promise<T>,
): Promise<T> {
  const store = await openStore(options.neo4j ? { neo4j: options.neo4j } : { db: options.db });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
