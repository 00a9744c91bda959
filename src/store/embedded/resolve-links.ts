// Entity-resolution links in the embedded store: the `resolve_links` table (migration 6), one
// row per pair of parties; semantics in src/store/resolve-links.ts.
import type {
  NodeLabel,
  NodeRef,
  ResolveCandidateInput,
  ResolveLink,
  ResolveLinkQuery,
  ResolveReview,
  ResolveStatus,
} from '../../model/index.ts';
import { StoreError } from '../errors.ts';
import {
  checkResolveLinkQuery,
  checkResolveReview,
  parseResolveCandidates,
  sortPairs,
} from '../resolve-links.ts';
import { nodeKey } from '../../model/index.ts';
import type { Db } from './schema.ts';

interface LinkRow {
  id: string;
  a_label: string;
  a_id: string;
  b_label: string;
  b_id: string;
  a_name: string;
  b_name: string;
  score: number;
  weight: number;
  evidence: string;
  status: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

const COLUMNS =
  'id, a_label, a_id, b_label, b_id, a_name, b_name, score, weight, evidence, status, reviewed_by, reviewed_at';

function toLink(row: LinkRow): ResolveLink {
  return {
    id: row.id,
    a: { label: row.a_label as NodeLabel, id: row.a_id },
    b: { label: row.b_label as NodeLabel, id: row.b_id },
    aName: row.a_name,
    bName: row.b_name,
    score: row.score,
    weight: row.weight,
    evidence: JSON.parse(row.evidence) as string[],
    status: row.status as ResolveStatus,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
  };
}

/** Refuses a candidate naming a party the store does not hold (committed). */
function requireParties(db: Db, candidates: readonly ResolveCandidateInput[]): void {
  const exists = db.prepare('SELECT 1 FROM nodes WHERE label = ? AND id = ?').pluck();
  candidates.forEach((c, i) => {
    for (const party of [c.a, c.b] as NodeRef[]) {
      if (exists.get(party.label, party.id) === undefined)
        throw new StoreError(
          'invalid',
          `Resolution candidate ${i}: party ${nodeKey(party)} is not in the store`,
        );
    }
  });
}

export function writeResolveCandidates(db: Db, input: readonly ResolveCandidateInput[]): { written: number } {
  const candidates = parseResolveCandidates(input);
  const upsert = db.prepare(
    `INSERT INTO resolve_links (id, a_label, a_id, b_label, b_id, a_name, b_name, score, weight, evidence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET a_name = excluded.a_name, b_name = excluded.b_name,
       score = excluded.score, weight = excluded.weight, evidence = excluded.evidence`,
  );
  db.transaction(() => {
    requireParties(db, candidates);
    for (const c of candidates)
      upsert.run(
        c.id,
        c.a.label,
        c.a.id,
        c.b.label,
        c.b.id,
        c.aName,
        c.bName,
        c.score,
        c.weight,
        JSON.stringify(c.evidence),
      );
  }).immediate();
  return { written: candidates.length };
}

export function listResolveLinks(db: Db, q: ResolveLinkQuery): { links: ResolveLink[]; total: number } {
  checkResolveLinkQuery(q);
  const where = 'WHERE (@status IS NULL OR status = @status) AND score >= @minScore';
  const params = { status: q.status ?? null, minScore: q.minScore ?? 0 };
  const total = db.prepare(`SELECT count(*) FROM resolve_links ${where}`).pluck().get(params) as number;
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM resolve_links ${where} ORDER BY score DESC, id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as LinkRow[];
  return { links: rows.map(toLink), total };
}

export function getResolveLink(db: Db, id: string): ResolveLink | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM resolve_links WHERE id = ?`).get(id) as LinkRow | undefined;
  return row ? toLink(row) : null;
}

export function reviewResolveLink(db: Db, id: string, review: ResolveReview): ResolveLink | null {
  checkResolveReview(review);
  db.prepare('UPDATE resolve_links SET status = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?').run(
    review.decision,
    review.by,
    review.at,
    id,
  );
  return getResolveLink(db, id);
}

/** The accepted pairs, by (a, b) node key. */
export function sameAsPairs(db: Db): [NodeRef, NodeRef][] {
  const rows = db
    .prepare("SELECT a_label, a_id, b_label, b_id FROM resolve_links WHERE status = 'accepted'")
    .all() as Pick<LinkRow, 'a_label' | 'a_id' | 'b_label' | 'b_id'>[];
  return sortPairs(
    rows.map((r) => [
      { label: r.a_label as NodeLabel, id: r.a_id },
      { label: r.b_label as NodeLabel, id: r.b_id },
    ]),
  );
}
