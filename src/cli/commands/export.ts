// `ringscope export suspects --format csv|json [--min-score X] [--out FILE]`: the ranked list of
// firms and people with scores, rings and reasons from the last detection run. CSV is formula-safe.
import type { Command } from 'commander';
import { z } from 'zod';
import { renderSuspects, suspects } from '../../export/suspects.ts';
import { InputError } from '../../ingest/errors.ts';
import { globalOptions, withStore } from './store-options.ts';
import { writeOutput } from '../output.ts';

const SuspectOptions = z.object({
  format: z.enum(['csv', 'json']),
  minScore: z.coerce.number().min(0).max(1).default(0),
  out: z.string().min(1).optional(),
});

export function register(program: Command): void {
  const exporter = program.command('export').description('export findings for enforcement');
  exporter
    .command('suspects')
    .description('ranked firms and people with scores, rings and reasons')
    .requiredOption('--format <csv|json>', 'csv (formula-safe) or json')
    .option('--min-score <x>', 'only parties scoring at least this (0–1)')
    .option('--out <file>', 'write here instead of stdout')
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const parsed = SuspectOptions.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(
          `invalid --${String(issue?.path[0] ?? '')}: ${issue?.message} (format: csv or json; min-score: 0 to 1)`,
          [],
        );
      }
      await withStore(globalOptions(command), async (store) => {
        const doc = await suspects(store, parsed.data.minScore);
        await writeOutput(renderSuspects(doc, parsed.data.format), parsed.data.out);
        if (parsed.data.out)
          process.stdout.write(`${doc.suspects.length} suspects written to ${parsed.data.out}\n`);
      });
    });
}
