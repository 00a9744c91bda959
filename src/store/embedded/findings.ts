// Detection findings in the embedded store: one run at a time, replaced as a whole in one
// transaction; rings keep their full JSON (indicators, evidence) beside indexed columns.
import { LineTarget, PartyRisk, Ring } from '../../model/index.ts';
import type { DetectionRun, NodeRef, RingSummary } from '../../model/index.ts';
import { parseDetectionRun, requireWholeNumber } from '../findings-input.ts';
import type { RingQuery } from '../graph-store.ts';
import { beginWrite } from './imports.ts';
import { writeLeads } from './leads.ts';
import type { Db } from './schema.ts';

type RunInfo = Pick<DetectionRun, 'runId' | 'startedAt' | 'finishedAt' | 'seed'>;

interface SummaryRow {
  id: string;
  typology: RingSummary['typology'];
  score: number;
  revenue_at_risk: number;
  priority: number;
  explanation: string;
  member_count: number;
}

const SUMMARY_COLUMNS = 'id, typology, score, revenue_at_risk, priority, explanation, member_count';

/** ORDER BY of a ring list: priority (the default) or score, ties by id. */
const RING_ORDER = {
  priority: 'priority DESC, score DESC, id',
  score: 'score DESC, id',
} as const;

function summaryFromRow(row: SummaryRow): RingSummary {
  return {
    id: row.id,
    typology: row.typology,
    score: row.score,
    revenueAtRisk: row.revenue_at_risk,
    priority: row.priority,
    explanation: row.explanation,
    memberCount: row.member_count,
  };
}

export function writeFindings(db: Db, input: DetectionRun): void {
  const run = parseDetectionRun(input);
  beginWrite(db, 'writing the findings');
  try {
    db.exec(
      'DELETE FROM detection_run; DELETE FROM rings; DELETE FROM ring_members; DELETE FROM party_risks; DELETE FROM line_targets; DELETE FROM leads;',
    );
    db.prepare('INSERT INTO detection_run VALUES (1, ?, ?, ?, ?)').run(
      run.runId,
      run.startedAt,
      run.finishedAt,
      run.seed,
    );
    const ring = db.prepare(
      'INSERT INTO rings (id, typology, score, revenue_at_risk, explanation, member_count, body, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const member = db.prepare('INSERT INTO ring_members VALUES (?, ?, ?, ?)');
    for (const r of run.rings) {
      ring.run(
        r.id,
        r.typology,
        r.score,
        r.revenueAtRisk,
        r.explanation,
        r.members.length,
        JSON.stringify(r),
        r.priority,
      );
      for (const m of r.members) member.run(r.id, m.label, m.id, m.role);
    }
    // A party or line named twice keeps its last entry.
    const party = db.prepare('INSERT OR REPLACE INTO party_risks VALUES (?, ?, ?, ?)');
    for (const p of run.parties) party.run(p.label, p.id, p.score, JSON.stringify(p));
    const target = db.prepare('INSERT OR REPLACE INTO line_targets VALUES (?, ?, ?, ?)');
    for (const t of run.targets) target.run(t.declarationId, t.line, t.score, JSON.stringify(t));
    writeLeads(db, run.leads ?? []);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

export function lastRun(db: Db): RunInfo | null {
  const row = db.prepare('SELECT run_id, started_at, finished_at, seed FROM detection_run').get() as
    { run_id: string; started_at: string; finished_at: string; seed: number } | undefined;
  return row
    ? { runId: row.run_id, startedAt: row.started_at, finishedAt: row.finished_at, seed: row.seed }
    : null;
}

export function listRings(db: Db, query: RingQuery): { rings: RingSummary[]; total: number } {
  requireWholeNumber('limit', query.limit, 0);
  requireWholeNumber('offset', query.offset, 0);
  const where = 'WHERE (:typology IS NULL OR typology = :typology) AND score >= :minScore';
  const params = { typology: query.typology ?? null, minScore: query.minScore ?? 0 };
  const total = db.prepare(`SELECT count(*) FROM rings ${where}`).pluck().get(params) as number;
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM rings ${where} ORDER BY ${RING_ORDER[query.sort ?? 'priority']} LIMIT :limit OFFSET :offset`,
    )
    .all({ ...params, limit: query.limit, offset: query.offset }) as SummaryRow[];
  return { rings: rows.map(summaryFromRow), total };
}

export function getRing(db: Db, id: string): Ring | null {
  const row = db.prepare('SELECT body, priority FROM rings WHERE id = ?').get(id) as
    { body: string; priority: number } | undefined;
  // A ring stored before priorities has it in its column only (migration 3).
  return row === undefined ? null : Ring.parse({ priority: row.priority, ...JSON.parse(row.body) });
}

export function ringsOf(db: Db, ref: NodeRef): RingSummary[] {
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM rings
        WHERE id IN (SELECT ring_id FROM ring_members WHERE label = ? AND id = ?)
        ORDER BY score DESC, id`,
    )
    .all(ref.label, ref.id) as SummaryRow[];
  return rows.map(summaryFromRow);
}

export function partyRisk(db: Db, ref: NodeRef): PartyRisk | null {
  const body = db
    .prepare('SELECT body FROM party_risks WHERE label = ? AND id = ?')
    .pluck()
    .get(ref.label, ref.id) as string | undefined;
  return body === undefined ? null : PartyRisk.parse(JSON.parse(body));
}

export function listPartyRisks(db: Db, options: { minScore?: number; limit?: number }): PartyRisk[] {
  requireWholeNumber('limit', options.limit, 0);
  const bodies = db
    .prepare('SELECT body FROM party_risks WHERE score >= ? ORDER BY score DESC, label, id LIMIT ?')
    .pluck()
    .all(options.minScore ?? 0, options.limit ?? -1) as string[];
  return bodies.map((b) => PartyRisk.parse(JSON.parse(b)));
}

export function listTargets(db: Db, options: { limit: number }): LineTarget[] {
  requireWholeNumber('limit', options.limit, 0);
  const bodies = db
    .prepare('SELECT body FROM line_targets ORDER BY score DESC, declaration_id, line LIMIT ?')
    .pluck()
    .all(options.limit) as string[];
  return bodies.map((b) => LineTarget.parse(JSON.parse(b)));
}
