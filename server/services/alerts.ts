// Alerts arriving declarations raise (a red-lane line; a declaration naming a watch-listed
// party), kept in the app database with increasing ids so a client that reconnects asks for those
// after the last it saw. An alert is open until someone acknowledges it.
import type { z } from 'zod';
import type { Alert, AlertsQuery } from '../../src/api/alerts.ts';
import { preparedOnce, type AppDb } from '../app-db.ts';
import { notFound } from '../http/errors.ts';

interface AlertRow {
  id: number;
  kind: Alert['kind'];
  declaration_id: string;
  line: number | null;
  party_key: string | null;
  score: number | null;
  lane: Alert['lane'];
  reasons: string;
  model: string | null;
  created_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
}

const toAlert = (r: AlertRow): Alert => ({ ...r, reasons: JSON.parse(r.reasons) as string[] });

/** What raises an alert; the rest (id, time, acknowledgement) is the store's. */
export type NewAlert = Omit<Alert, 'id' | 'created_at' | 'acknowledged_by' | 'acknowledged_at'>;

/** Most alerts one catch-up sends; a client further behind lists the rest with GET /api/alerts. */
export const CATCH_UP_LIMIT = 500;

export class Alerts {
  constructor(
    private readonly db: AppDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores the alerts in one transaction and answers them, ids increasing. */
  raise(alerts: readonly NewAlert[]): Alert[] {
    if (alerts.length === 0) return [];
    const at = this.now().toISOString();
    const insert = preparedOnce(
      this.db,
      `INSERT INTO alerts (kind, declaration_id, line, party_key, score, lane, reasons, model, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // What was inserted is the answer: a new alert is unacknowledged, nothing to read back.
    return this.db.transaction(() =>
      alerts.map((a): Alert => {
        const { lastInsertRowid } = insert.run(
          a.kind,
          a.declaration_id,
          a.line,
          a.party_key,
          a.score,
          a.lane,
          JSON.stringify(a.reasons),
          a.model,
          at,
        );
        return {
          id: Number(lastInsertRowid),
          kind: a.kind,
          declaration_id: a.declaration_id,
          line: a.line,
          party_key: a.party_key,
          score: a.score,
          lane: a.lane,
          reasons: [...a.reasons],
          model: a.model,
          created_at: at,
          acknowledged_by: null,
          acknowledged_at: null,
        };
      }),
    )();
  }

  /**
   * With `after`: the alerts after that id, oldest first (a catch-up). Without: the most recent
   * first. `open=true` keeps the unacknowledged ones, `open=false` the acknowledged.
   */
  list(query: z.infer<typeof AlertsQuery>): Alert[] {
    const open =
      query.open === undefined
        ? ''
        : query.open === 'true'
          ? ' AND acknowledged_at IS NULL'
          : ' AND acknowledged_at IS NOT NULL';
    const after = query.after !== undefined;
    const rows = preparedOnce(
      this.db,
      `SELECT * FROM alerts WHERE id > ?${open} ORDER BY id ${after ? 'ASC' : 'DESC'} LIMIT ?`,
    ).all(query.after ?? 0, query.limit ?? 100) as AlertRow[];
    return rows.map(toAlert);
  }

  /** The highest alert id so far (0 when none): the id every stream event carries. */
  lastId(): number {
    const row = preparedOnce(this.db, 'SELECT max(id) AS id FROM alerts').get() as { id: number | null };
    return row.id ?? 0;
  }

  /** Marks an alert taken in hand; acknowledging it again keeps the first acknowledgement. */
  acknowledge(id: number, username: string): Alert {
    this.require(id);
    preparedOnce(
      this.db,
      'UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL',
    ).run(username, this.now().toISOString(), id);
    return this.require(id);
  }

  private require(id: number): Alert {
    const row = preparedOnce(this.db, 'SELECT * FROM alerts WHERE id = ?').get(id) as AlertRow | undefined;
    if (!row) throw notFound(`alert ${id}`);
    return toAlert(row);
  }
}
