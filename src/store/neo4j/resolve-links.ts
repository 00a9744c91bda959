// Entity-resolution links on Neo4j: a `POSSIBLY_SAME_AS` relationship from one party to the other
// (keyed by `linkId`, its evidence as JSON text) and, for an accepted one, a `SAME_AS` beside it.
// Semantics in src/store/resolve-links.ts; the queries are cypher/resolve/.
import neo4j from 'neo4j-driver';
import {
  nodeKey,
  parseNodeKey,
  type NodeRef,
  type ResolveCandidateInput,
  type ResolveLink,
  type ResolveLinkQuery,
  type ResolveReview,
  type ResolveStatus,
} from '../../model/index.ts';
import { StoreError } from '../errors.ts';
import {
  checkResolveLinkQuery,
  checkResolveReview,
  parseResolveCandidates,
  sortPairs,
} from '../resolve-links.ts';
import { query } from './cypher.ts';
import type { CypherExecutor } from './executor.ts';

/** Candidates per write transaction. */
const CHUNK = 5_000;

function toLink(map: Record<string, unknown>): ResolveLink {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(map.id),
    a: parseNodeKey(String(map.aKey)),
    b: parseNodeKey(String(map.bKey)),
    aName: String(map.aName),
    bName: String(map.bName),
    score: Number(map.score),
    weight: Number(map.weight),
    evidence: JSON.parse(String(map.evidence)) as string[],
    status: String(map.status) as ResolveStatus,
    reviewedBy: text(map.reviewedBy),
    reviewedAt: text(map.reviewedAt),
  };
}

export async function writeResolveCandidates(
  executor: CypherExecutor,
  input: readonly ResolveCandidateInput[],
): Promise<{ written: number }> {
  const candidates = parseResolveCandidates(input);
  const keys = [...new Set(candidates.flatMap((c) => [nodeKey(c.a), nodeKey(c.b)]))];
  const missing = new Set(
    (await executor.read(query('write/missing-nodes'), { keys })).map((r) => String(r.get('key'))),
  );
  const i = candidates.findIndex((c) => missing.has(nodeKey(c.a)) || missing.has(nodeKey(c.b)));
  if (i >= 0) {
    const c = candidates[i]!;
    const party = missing.has(nodeKey(c.a)) ? c.a : c.b;
    throw new StoreError('invalid', `Resolution candidate ${i}: party ${nodeKey(party)} is not in the store`);
  }
  for (let start = 0; start < candidates.length; start += CHUNK) {
    const rows = candidates.slice(start, start + CHUNK).map((c) => ({
      id: c.id,
      aKey: nodeKey(c.a),
      bKey: nodeKey(c.b),
      aName: c.aName,
      bName: c.bName,
      score: c.score,
      weight: c.weight,
      evidence: JSON.stringify(c.evidence),
    }));
    await executor.write(query('resolve/write-candidates'), { rows });
  }
  return { written: candidates.length };
}

export async function listResolveLinks(
  executor: CypherExecutor,
  q: ResolveLinkQuery,
): Promise<{ links: ResolveLink[]; total: number }> {
  checkResolveLinkQuery(q);
  const [record] = await executor.read(query('resolve/list'), {
    status: q.status ?? null,
    // A float parameter even for 0 or 1: scores are stored as floats.
    minScore: q.minScore ?? 0,
    offset: neo4j.int(q.offset),
    limit: neo4j.int(q.limit),
  });
  if (!record) return { links: [], total: 0 };
  return {
    links: (record.get('links') as Record<string, unknown>[]).map(toLink),
    total: Number(record.get('total')),
  };
}

export async function reviewResolveLink(
  executor: CypherExecutor,
  id: string,
  review: ResolveReview,
): Promise<ResolveLink | null> {
  checkResolveReview(review);
  const [record] = await executor.write(query('resolve/review'), {
    id,
    status: review.decision,
    by: review.by,
    at: review.at,
  });
  return record ? toLink(record.get('link') as Record<string, unknown>) : null;
}

export async function sameAsPairs(executor: CypherExecutor): Promise<[NodeRef, NodeRef][]> {
  const records = await executor.read(query('resolve/same-as'));
  return sortPairs(records.map((r) => [parseNodeKey(String(r.get('a'))), parseNodeKey(String(r.get('b')))]));
}
