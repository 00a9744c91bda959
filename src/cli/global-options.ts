// The global options every command reads (--db, --neo4j, --json), validated once.
import type { Command } from 'commander';
import { z } from 'zod';
import type { StoreOptions } from '../store/open.ts';

const Globals = z.object({
  db: z.string().min(1).optional(),
  neo4j: z.string().min(1).optional(),
  json: z.boolean().optional(),
});

export function globalOptions(command: Command): { store: StoreOptions; json: boolean } {
  const g = Globals.parse(command.optsWithGlobals());
  return { store: { db: g.db, neo4j: g.neo4j }, json: g.json === true };
}
