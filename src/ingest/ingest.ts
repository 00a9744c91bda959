// `ringscope ingest FILE…`: recognises each file by its header, loads registries before
// declarations (so parties named by declarations meet their registry entries) and imports
// every file on its own, atomically. Invalid files are reported; the others still load.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { GraphStore } from '../store/graph-store.ts';
import { CSV_OPTIONS } from './csv-reader.ts';
import { detectLayout } from './header.ts';
import { type FileOutcome, importFile } from './import-file.ts';
import type { Layout } from './layout.ts';
import { layoutsFor, type PresetName } from './presets/index.ts';
import { ProblemLog } from './problems.ts';
import { type Progress, SILENT } from './progress.ts';

export interface IngestOptions {
  preset?: PresetName;
  /** A layout loaded from a --mapping file (wins over the preset). */
  mapping?: Layout;
  progress?: (file: string) => Progress;
}

async function sniffKind(path: string, layouts: readonly Layout[]): Promise<'entities' | 'other'> {
  try {
    const parser = createReadStream(path, { start: 0, end: 64 * 1024 }).pipe(
      parse({ ...CSV_OPTIONS, to: 1 }),
    );
    for await (const header of parser as AsyncIterable<string[]>) {
      const bound = detectLayout(header, layouts, new ProblemLog(path));
      return bound?.layout.kind === 'entities' ? 'entities' : 'other';
    }
  } catch {
    // Unreadable or malformed: the import itself reports why.
  }
  return 'other';
}

export async function ingestFiles(
  store: GraphStore,
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<FileOutcome[]> {
  const layouts = layoutsFor(options.preset ?? 'ringscope', options.mapping);
  const kinds = await Promise.all(paths.map((p) => sniffKind(p, layouts)));
  const ordered = [...paths.keys()].sort(
    (a, b) => Number(kinds[a] !== 'entities') - Number(kinds[b] !== 'entities'),
  );
  const outcomes: FileOutcome[] = [];
  for (const i of ordered) {
    const path = paths[i] as string;
    outcomes.push(await importFile(store, path, layouts, options.progress?.(path) ?? SILENT));
  }
  return outcomes;
}
