// Inspection results officers record on declaration lines (found or not, revenue recovered,
// notes), kept in the app database: the labels a later training reads.
import type { z } from 'zod';
import type { Inspection, InspectionBody } from '../../src/api/risk.ts';
import { preparedOnce, type AppDb } from '../app-db.ts';

interface InspectionRow {
  id: number;
  declaration_id: string;
  line: number;
  found: number;
  revenue_recovered: number | null;
  notes: string;
  recorded_by: string;
  recorded_at: string;
}

const toInspection = (r: InspectionRow): z.infer<typeof Inspection> => ({
  id: r.id,
  declaration_id: r.declaration_id,
  line: r.line,
  found: r.found === 1,
  revenue_recovered: r.revenue_recovered,
  notes: r.notes,
  recorded_by: r.recorded_by,
  recorded_at: r.recorded_at,
});

export class Inspections {
  constructor(
    private readonly db: AppDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(username: string, body: InspectionBody): Inspection {
    const at = this.now().toISOString();
    const { lastInsertRowid } = preparedOnce(
      this.db,
      `INSERT INTO inspections (declaration_id, line, found, revenue_recovered, notes, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      body.declaration_id,
      body.line,
      body.found ? 1 : 0,
      body.revenue_recovered ?? null,
      body.notes ?? '',
      username,
      at,
    );
    return toInspection(
      preparedOnce(this.db, 'SELECT * FROM inspections WHERE id = ?').get(lastInsertRowid) as InspectionRow,
    );
  }

  /** A declaration's results, by line then in the order recorded. */
  list(declarationId: string): Inspection[] {
    const rows = preparedOnce(
      this.db,
      'SELECT * FROM inspections WHERE declaration_id = ? ORDER BY line, id',
    ).all(declarationId) as InspectionRow[];
    return rows.map(toInspection);
  }
}
