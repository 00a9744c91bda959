// Leads on parties in the embedded store: written with the run's other findings (same
// transaction, replaced with them), each with its full JSON beside the columns it ranks by.
import { Lead } from '../../model/index.ts';
import type { LeadQuery } from '../../model/index.ts';
import { requireWholeNumber } from '../findings-input.ts';
import type { Db } from './schema.ts';

/** Inside writeFindings' transaction, after the previous leads were deleted. */
export function writeLeads(db: Db, leads: readonly Lead[]): void {
  // A party named twice by one detector keeps its last entry.
  const insert = db.prepare('INSERT OR REPLACE INTO leads VALUES (?, ?, ?, ?, ?)');
  for (const l of leads) insert.run(l.detector, l.label, l.id, l.score, JSON.stringify(l));
}

export function listLeads(db: Db, query: LeadQuery): { leads: Lead[]; total: number } {
  requireWholeNumber('limit', query.limit, 0);
  requireWholeNumber('offset', query.offset, 0);
  const where = 'WHERE (:detector IS NULL OR detector = :detector) AND score >= :minScore';
  const params = { detector: query.detector ?? null, minScore: query.minScore ?? 0 };
  const total = db.prepare(`SELECT count(*) FROM leads ${where}`).pluck().get(params) as number;
  const bodies = db
    .prepare(
      `SELECT body FROM leads ${where} ORDER BY score DESC, detector, label, id LIMIT :limit OFFSET :offset`,
    )
    .pluck()
    .all({ ...params, limit: query.limit, offset: query.offset }) as string[];
  return { leads: bodies.map((b) => Lead.parse(JSON.parse(b))), total };
}
