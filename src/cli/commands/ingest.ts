// `ringscope ingest FILE… [--preset NAME | --mapping FILE]`: loads declarations and registry
// files; exit 2 with the row report when any file is invalid (valid files still load).
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { ingestFiles, throwIfInvalid } from '../../ingest/ingest.ts';
import type { FileOutcome } from '../../ingest/import-file.ts';
import { loadMappingFile } from '../../ingest/mapping-file.ts';
import { PRESET_NAMES, type PresetName } from '../../ingest/presets/index.ts';
import { ingestProgress } from '../progress.ts';
import { globalOptions, withStore } from './store-options.ts';

const IngestOptions = z.object({
  preset: z.enum(PRESET_NAMES as [PresetName, ...PresetName[]]).optional(),
  mapping: z.string().min(1).optional(),
});

function describe(outcome: FileOutcome): string {
  const what = [outcome.layout, outcome.kind].filter(Boolean).join(', ');
  switch (outcome.status) {
    case 'imported':
      return `imported ${outcome.file} (${what}): ${outcome.rows.toLocaleString('en')} rows, ${outcome.nodesWritten.toLocaleString('en')} nodes and ${outcome.relsWritten.toLocaleString('en')} relationships written`;
    case 'unchanged':
      return `unchanged ${outcome.file}: these exact bytes were imported before; nothing to do`;
    case 'invalid':
      return `invalid ${outcome.file}: ${outcome.problemCount.toLocaleString('en')} problem(s), nothing written`;
  }
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('load declarations and registry CSV files (each file atomically; registries first)')
    .argument('<files...>', 'CSV files: canonical declarations or entities, or a preset layout')
    .addOption(
      new Option('--preset <name>', 'layout of declarations files')
        .choices(PRESET_NAMES)
        .conflicts('mapping'),
    )
    .option('--mapping <file>', 'JSON file mapping canonical fields to your column names')
    .action(async (files: string[], _opts: unknown, command: Command) => {
      const global = globalOptions(command);
      const options = IngestOptions.parse(command.opts());
      const mapping = options.mapping ? await loadMappingFile(options.mapping) : undefined;
      const outcomes = await withStore(global, (store) =>
        ingestFiles(store, files, {
          ...(options.preset ? { preset: options.preset } : {}),
          ...(mapping ? { mapping } : {}),
          progress: (file) => ingestProgress(file, global.json === true),
        }),
      );
      if (global.json) {
        process.stdout.write(`${JSON.stringify({ files: outcomes }, null, 2)}\n`);
      } else {
        for (const outcome of outcomes) process.stdout.write(`${describe(outcome)}\n`);
      }
      throwIfInvalid(outcomes);
    });
}
