// Header detection: which layout a file follows (canonical declarations, canonical entities,
// a preset's or the mapping file's), and where each field sits in its records.
import { requiredFields } from './fields.ts';
import { headerKey, type Layout } from './layout.ts';
import type { ProblemLog } from './problems.ts';

export interface BoundLayout {
  layout: Layout;
  /** Field → index of its cell in a record. */
  index: Record<string, number>;
  /** Field → the header cell as written in the file (for problem reports). */
  columnName: Record<string, string>;
  width: number;
}

function missingRequired(layout: Layout, positions: Map<string, number>): string[] {
  return requiredFields(layout.kind).filter((field) => {
    const source = layout.columns[field];
    if (layout.defaults?.[field] !== undefined) return false;
    return source === undefined || !positions.has(headerKey(source.column));
  });
}

/** The first candidate whose required columns are all present, or null with problems logged. */
export function detectLayout(
  header: readonly string[],
  candidates: readonly Layout[],
  log: ProblemLog,
): BoundLayout | null {
  const positions = new Map<string, number>();
  let duplicated = false;
  header.forEach((cell, i) => {
    const key = headerKey(cell);
    if (key === '') return;
    if (positions.has(key)) {
      duplicated = true;
      log.add(
        0,
        cell.trim(),
        'duplicate_header',
        `column ${JSON.stringify(cell.trim())} appears twice in the header (cells ${(positions.get(key) ?? 0) + 1} and ${i + 1}); rename or remove one`,
      );
    } else {
      positions.set(key, i);
    }
  });
  const matching = candidates.find((layout) => missingRequired(layout, positions).length === 0);
  if (!matching) {
    reportBestMiss(candidates, positions, log);
    return null;
  }
  if (duplicated) return null;
  const index: Record<string, number> = {};
  const columnName: Record<string, string> = {};
  for (const [field, source] of Object.entries(matching.columns)) {
    if (!source) continue;
    const at = positions.get(headerKey(source.column));
    if (at === undefined) continue;
    index[field] = at;
    columnName[field] = header[at]?.trim() ?? source.column;
  }
  return { layout: matching, index, columnName, width: header.length };
}

function reportBestMiss(
  candidates: readonly Layout[],
  positions: Map<string, number>,
  log: ProblemLog,
): void {
  let best: Layout | undefined;
  let bestFound = 0;
  for (const layout of candidates) {
    const found = Object.values(layout.columns).filter((s) => s && positions.has(headerKey(s.column))).length;
    if (found > bestFound) {
      best = layout;
      bestFound = found;
    }
  }
  if (!best) {
    log.add(
      0,
      null,
      'unknown_layout',
      `the header matches no known layout (${candidates.map((c) => c.name).join(', ')}); check the first line of the file, or give --preset or --mapping`,
    );
    return;
  }
  for (const field of missingRequired(best, positions)) {
    const column = best.columns[field]?.column ?? field;
    log.add(
      0,
      column,
      'missing_header',
      `the header looks like ${best.name} but has no ${JSON.stringify(column)} column (field ${field}, required)`,
    );
  }
}
