// Inspection results officers record on declaration lines (found or not, revenue recovered,
// notes), kept in the app database, and written onto the line in the graph store as its label
// (inspected, illicit, revenue recovered) when the line is stored there, so the next detection
// and training see it. The store first: when it fails, nothing is recorded.
import type { z } from 'zod';
import type { Inspection, InspectionBody, RecordedInspection } from '../../src/api/risk.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { preparedOnce, type AppDb } from '../app-db.ts';
import type { StoreWrites } from './store-writes.ts';

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
    private readonly store: Pick<GraphStore, 'labelLine'>,
    private readonly writes: StoreWrites,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Labels the line in the graph store when it is there (`in_store`), then records the result. */
  async record(username: string, body: InspectionBody): Promise<RecordedInspection> {
    const inStore = await this.writes.run(() =>
      this.store.labelLine(
        { declarationId: body.declaration_id, line: body.line },
        { illicit: body.found, revenueRecovered: body.revenue_recovered ?? null },
      ),
    );
    return { ...this.insert(username, body), in_store: inStore };
  }

  private insert(username: string, body: InspectionBody): Inspection {
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
