// One file's import, start to end: validate everything, skip bytes already imported, check
// against the store, then write atomically. Returns what happened; never half-writes.
import type { RowProblem } from './errors.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { FileKind } from './fields.ts';
import type { Layout } from './layout.ts';
import { type Progress, SILENT } from './progress.ts';
import { type ValidateOptions, validateFile } from './validate-file.ts';
import { writeFile } from './write-file.ts';

export interface FileOutcome {
  file: string;
  /** imported: written now; unchanged: the same bytes were imported before; invalid: nothing written. */
  status: 'imported' | 'unchanged' | 'invalid';
  kind: FileKind | null;
  layout: string | null;
  fileHash: string | null;
  rows: number;
  nodesWritten: number;
  relsWritten: number;
  problems: RowProblem[];
  problemCount: number;
  /** Milliseconds spent reading and validating, checking against the store, writing (of which in the store). */
  timings: { validateMs: number; checkMs: number; writeMs: number; storeWriteMs: number };
}

export async function importFile(
  store: GraphStore,
  path: string,
  layouts: readonly Layout[],
  progress: Progress = SILENT,
  options: ValidateOptions = {},
): Promise<FileOutcome> {
  const started = performance.now();
  const timings = { validateMs: 0, checkMs: 0, writeMs: 0, storeWriteMs: 0 };
  let phaseStart = started;
  const lap = (phase: 'validateMs' | 'checkMs' | 'writeMs'): void => {
    const now = performance.now();
    timings[phase] = Math.round(now - phaseStart);
    phaseStart = now;
  };
  const file = await validateFile(path, layouts, progress, options);
  lap('validateMs');
  const outcome = (status: FileOutcome['status'], nodesWritten = 0, relsWritten = 0): FileOutcome => ({
    file: path,
    status,
    kind: file.kind,
    layout: file.layoutName,
    fileHash: file.fileHash || null,
    rows: file.rows,
    nodesWritten,
    relsWritten,
    problems: file.log.kept,
    problemCount: file.log.total,
    timings,
  });
  try {
    if (!file.log.ok) return outcome('invalid');
    if (await store.findImport(file.fileHash)) return outcome('unchanged');
    await file.plan.reconcile(store, file.ownedColumn);
    lap('checkMs');
    if (!file.log.ok) return outcome('invalid');
    const written = await writeFile(store, file, progress);
    lap('writeMs');
    timings.storeWriteMs = written.storeMs;
    return outcome('imported', written.nodes, written.rels);
  } finally {
    file.plan.dispose();
    progress.finish();
  }
}
