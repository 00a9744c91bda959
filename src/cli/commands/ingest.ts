// `ringscope ingest FILE… [--preset NAME | --mapping FILE]`: loads declarations and registry
// files; exit 2 with the row report when any file is invalid (valid files still load).
// --bulk: the initial load of an empty local Neo4j with Neo4j's own importer (src/ingest/bulk.ts).
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { resolve } from 'node:path';
import { bulkIngest } from '../../ingest/bulk.ts';
import { InputError } from '../../ingest/errors.ts';
import { type IngestOptions as IngestFileOptions, ingestFiles, throwIfInvalid } from '../../ingest/ingest.ts';
import type { FileOutcome } from '../../ingest/import-file.ts';
import { loadMappingFile } from '../../ingest/mapping-file.ts';
import { PRESET_NAMES, type PresetName } from '../../ingest/presets/index.ts';
import { ingestProgress } from '../progress.ts';
import { type GlobalOptions, globalOptions, withStore } from './store-options.ts';

const IngestOptions = z.object({
  preset: z.enum(PRESET_NAMES as [PresetName, ...PresetName[]]).optional(),
  mapping: z.string().min(1).optional(),
  bulk: z.boolean().optional(),
  neo4jHome: z.string().min(1),
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
    .option('--bulk', "initial load of an EMPTY local Neo4j with Neo4j's offline importer (needs --neo4j)")
    .option(
      '--neo4j-home <dir>',
      'data directory of the local Neo4j, for --bulk',
      process.env.RINGSCOPE_NEO4J_HOME || 'data/neo4j',
    )
    .action(async (files: string[], _opts: unknown, command: Command) => {
      const global = globalOptions(command);
      const options = IngestOptions.parse(command.opts());
      const mapping = options.mapping ? await loadMappingFile(options.mapping) : undefined;
      const ingestOptions = {
        ...(options.preset ? { preset: options.preset } : {}),
        ...(mapping ? { mapping } : {}),
        progress: (file: string) => ingestProgress(file, global.json === true),
      };
      if (options.bulk) {
        await ingestBulk(global, files, options.neo4jHome, ingestOptions);
        return;
      }
      const outcomes = await withStore(global, (store) => ingestFiles(store, files, ingestOptions));
      if (global.json) {
        process.stdout.write(`${JSON.stringify({ files: outcomes }, null, 2)}\n`);
      } else {
        for (const outcome of outcomes) process.stdout.write(`${describe(outcome)}\n`);
      }
      throwIfInvalid(outcomes);
    });
}

async function ingestBulk(
  global: GlobalOptions,
  files: string[],
  home: string,
  options: IngestFileOptions,
): Promise<void> {
  if (!global.neo4j) {
    throw new InputError(
      '--bulk loads a local Neo4j: give its Bolt URI with --neo4j bolt://127.0.0.1:PORT',
      [],
    );
  }
  const { outcomes, load } = await bulkIngest(
    {
      uri: global.neo4j,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE,
      home: resolve(home),
    },
    files,
    options,
  );
  if (global.json) {
    process.stdout.write(`${JSON.stringify({ files: outcomes, bulk: load }, null, 2)}\n`);
    return;
  }
  for (const outcome of outcomes) process.stdout.write(`${describe(outcome)}\n`);
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  process.stdout.write(
    `bulk-loaded ${load.nodes.toLocaleString('en')} nodes and ${load.rels.toLocaleString('en')} relationships into ${global.neo4j} (import files ${s(load.timings.csvMs)}, the server's stop, neo4j-admin import and start ${s(load.timings.importMs)}, of which the import ${s(load.timings.importerMs)}, constraints and indexes ${s(load.timings.schemaMs)})\n`,
  );
}
