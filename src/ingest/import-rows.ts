// The import of declaration lines that come as canonical rows rather than a file (a declaration
// posted to the API): the same cell checks, mapping, conflict checks against the store and
// atomic write as a file's import (validate-file.ts, import-file.ts), rows numbered 1, 2, … in
// the order given. Nothing is written unless every row is valid.
import { createHash } from 'node:crypto';
import type { GraphStore } from '../store/graph-store.ts';
import { DECLARATION_FIELDS } from './fields.ts';
import { detectLayout } from './header.ts';
import type { FileOutcome } from './import-file.ts';
import { CANONICAL_DECLARATIONS } from './layout.ts';
import { mapDeclaration } from './map-declaration.ts';
import { ImportPlan } from './plan.ts';
import { ProblemLog } from './problems.ts';
import { SILENT } from './progress.ts';
import { rowReader } from './row-schema.ts';
import type { ValidatedFile } from './validate-file.ts';
import { writeFile } from './write-file.ts';

export interface RowsSource {
  /** What the import record and problems name as the file, e.g. `api:declaration ARR-1`. */
  name: string;
  /** Cells by canonical field, as a file's cells would read (absent or '' = empty). */
  rows: readonly Readonly<Partial<Record<string, string>>>[];
}

/** Checks every row, then writes them in one import session; an invalid row writes nothing. */
export async function importDeclarationRows(store: GraphStore, source: RowsSource): Promise<FileOutcome> {
  const started = performance.now();
  const file = validateRows(source);
  const outcome = (status: FileOutcome['status'], nodesWritten = 0, relsWritten = 0): FileOutcome => ({
    file: source.name,
    status,
    kind: file.kind,
    layout: file.layoutName,
    fileHash: file.fileHash,
    rows: file.rows,
    nodesWritten,
    relsWritten,
    problems: file.log.kept,
    problemCount: file.log.total,
    timings: { validateMs: 0, checkMs: 0, writeMs: Math.round(performance.now() - started), storeWriteMs: 0 },
  });
  try {
    if (!file.log.ok) return outcome('invalid');
    await file.plan.reconcile(store, file.ownedColumn);
    if (!file.log.ok) return outcome('invalid');
    const written = await writeFile(store, file, SILENT);
    return outcome('imported', written.nodes, written.rels);
  } finally {
    file.plan.dispose();
  }
}

function validateRows(source: RowsSource): ValidatedFile {
  const log = new ProblemLog(source.name);
  const plan = new ImportPlan(log);
  const header = Object.keys(DECLARATION_FIELDS).filter((field) =>
    source.rows.some((row) => (row[field] ?? '') !== ''),
  );
  const file: ValidatedFile = {
    path: source.name,
    log,
    fileHash: createHash('sha256').update(JSON.stringify(source)).digest('hex'),
    kind: 'declarations',
    layoutName: CANONICAL_DECLARATIONS.name,
    rows: source.rows.length,
    plan,
    ownedColumn: 'declaration_id',
  };
  const bound = detectLayout(header, [CANONICAL_DECLARATIONS], log);
  if (!bound) return file;
  const reader = rowReader(bound);
  source.rows.forEach((cells, i) => {
    const row = i + 1;
    const read = reader.read(header.map((field) => cells[field] ?? ''));
    if (!read.ok) {
      for (const issue of read.issues) log.add(row, issue.field, issue.code, issue.message);
      return;
    }
    read.row.line ??= row;
    plan.add(row, mapDeclaration(read.row, { file: '', row }), file.ownedColumn);
  });
  return file;
}
