// Risk models in the embedded store: the `risk_models` table (migration 3). Saving a model that
// is already stored makes it current again (its first save time is kept).
import {
  parseRiskModelSave,
  type RiskModelRecord,
  type RiskModelSave,
  type RiskModelVersion,
} from '../risk-models.ts';
import type { Db } from './schema.ts';

export function saveRiskModel(db: Db, input: RiskModelSave): void {
  const m = parseRiskModelSave(input);
  db.transaction(() => {
    db.prepare('UPDATE risk_models SET current = 0 WHERE current = 1').run();
    db.prepare(
      `INSERT INTO risk_models (content_hash, created_at, saved_at, metrics, body, current)
       VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT (content_hash) DO UPDATE SET current = 1`,
    ).run(m.contentHash, m.createdAt, m.savedAt, JSON.stringify(m.metrics), m.json);
  }).immediate();
}

export function currentRiskModel(db: Db): RiskModelRecord | null {
  const row = db
    .prepare('SELECT content_hash, created_at, metrics, body FROM risk_models WHERE current = 1')
    .get() as { content_hash: string; created_at: string; metrics: string; body: string } | undefined;
  return row
    ? {
        contentHash: row.content_hash,
        createdAt: row.created_at,
        metrics: JSON.parse(row.metrics) as Record<string, unknown>,
        json: row.body,
      }
    : null;
}

export function listRiskModels(db: Db): RiskModelVersion[] {
  const rows = db
    .prepare(
      'SELECT content_hash, created_at, saved_at, metrics, current FROM risk_models ORDER BY saved_at DESC, content_hash',
    )
    .all() as {
    content_hash: string;
    created_at: string;
    saved_at: string;
    metrics: string;
    current: number;
  }[];
  return rows.map((r) => ({
    contentHash: r.content_hash,
    createdAt: r.created_at,
    savedAt: r.saved_at,
    metrics: JSON.parse(r.metrics) as Record<string, unknown>,
    current: r.current === 1,
  }));
}
