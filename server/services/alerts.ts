// Alerts arriving declarations raise (a red-lane line; a declaration naming a watch-listed
// party), kept in the app database with increasing ids so a client that reconnects asks for those
// after the last it saw. An alert is open until someone acknowledges it. The live lane raises
// them with `raiseGrouped`: the alerts of every declaration scored in one turn of the event loop
// are written in one transaction on the next turn (one commit, not one per declaration), each
// declaration's answered once written, as the audit trail groups its entries.
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

interface Waiting {
  alerts: readonly NewAlert[];
  resolve: (raised: Alert[]) => void;
  reject: (error: unknown) => void;
}

export class Alerts {
  private readonly waiting: Waiting[] = [];

  constructor(
    private readonly db: AppDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores the alerts in one transaction and answers them, ids increasing. */
  raise(alerts: readonly NewAlert[]): Alert[] {
    if (alerts.length === 0) return [];
    this.flush();
    return this.insert([alerts])[0]!;
  }

  /**
   * Queues the alerts with the others raised in this turn of the event loop; on the next turn all
   * are stored in one transaction, in the order they came. Resolves with them once stored.
   */
  raiseGrouped(alerts: readonly NewAlert[]): Promise<Alert[]> {
    if (alerts.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.waiting.push({ alerts, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Stores the alerts waiting for their group now. */
  flush(): void {
    if (this.waiting.length === 0) return;
    const group = this.waiting.splice(0);
    let raised: Alert[][];
    try {
      raised = this.insert(group.map((w) => w.alerts));
    } catch (error) {
      for (const w of group) w.reject(error);
      return;
    }
    group.forEach((w, i) => w.resolve(raised[i]!));
  }

  /** Inserts each list of alerts, all in one transaction; answers them as stored. */
  private insert(lists: readonly (readonly NewAlert[])[]): Alert[][] {
    const at = this.now().toISOString();
    const insert = preparedOnce(
      this.db,
      `INSERT INTO alerts (kind, declaration_id, line, party_key, score, lane, reasons, model, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // What was inserted is the answer: a new alert is unacknowledged, nothing to read back.
    const insertAll = (alerts: readonly NewAlert[]): Alert[] =>
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
      });
    return this.db.transaction(() => lists.map(insertAll))();
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

  /** The highest alert id stored so far (0 when none): the id every stream event carries. */
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
