// `ringscope ingest FILE…`: recognises each file by its header, loads registries before
// declarations (so parties named by declarations meet their registry entries) and imports
// every file on its own, atomically. Invalid files are reported; the others still load.
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { InputError } from './errors.ts';
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
    const handle = await open(path);
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0).finally(() => handle.close());
    const records: unknown = parse(head.subarray(0, bytesRead), { ...CSV_OPTIONS, to: 1 });
    const header = Array.isArray(records) ? (records[0] as string[] | undefined) : undefined;
    const bound = header ? detectLayout(header, layouts, new ProblemLog(path)) : null;
    return bound?.layout.kind === 'entities' ? 'entities' : 'other';
  } catch {
    // Unreadable or malformed: the import itself reports why.
    return 'other';
  }
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

/**
 * Fails with the row report of every invalid file (the others are already written), as both the
 * command line and the server's ingest job report it.
 */
export function throwIfInvalid(outcomes: readonly FileOutcome[]): void {
  const invalid = outcomes.filter((o) => o.status === 'invalid');
  if (invalid.length === 0) return;
  throw new InputError(
    `${invalid.length} of ${outcomes.length} file(s) invalid; they wrote nothing (${invalid.map((o) => o.file).join(', ')})`,
    invalid.flatMap((o) => o.problems),
    invalid.reduce((sum, o) => sum + o.problemCount, 0),
  );
}
