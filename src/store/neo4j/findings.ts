// Detection findings on Neo4j: one run at a time, replaced as a whole in one transaction.
// Rings, party risks and line targets are nodes of their own labels (outside the domain enum,
// so they never show up in the graph, its counts or its traversals), keeping their full JSON.
import neo4j from 'neo4j-driver';
import { LineTarget, nodeKey, PartyRisk, Ring } from '../../model/index.ts';
import type { DetectionRun, NodeRef, RingSummary } from '../../model/index.ts';
import { parseDetectionRun, requireWholeNumber } from '../findings-input.ts';
import type { RingQuery } from '../graph-store.ts';
import { query } from './cypher.ts';
import type { CypherExecutor } from './executor.ts';
import { leadRows } from './leads.ts';
import { WRITE_BATCH_ROWS } from './writes.ts';

type RunInfo = Pick<DetectionRun, 'runId' | 'startedAt' | 'finishedAt' | 'seed'>;

/** Cypher LIMIT for "no limit". */
const ALL = neo4j.int(Number.MAX_SAFE_INTEGER);

function summary(value: unknown): RingSummary {
  const r = value as Record<string, unknown>;
  return {
    id: String(r.id),
    typology: r.typology as RingSummary['typology'],
    score: Number(r.score),
    revenueAtRisk: Number(r.revenueAtRisk),
    priority: Number(r.priority),
    explanation: String(r.explanation),
    memberCount: Number(r.memberCount),
  };
}

export async function writeFindings(executor: CypherExecutor, input: DetectionRun): Promise<void> {
  const run = parseDetectionRun(input);
  const tx = await executor.begin(`findings of run ${run.runId}`);
  try {
    await tx.run(query('findings/clear'));
    await tx.run(query('findings/write-run'), {
      runId: run.runId,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      seed: neo4j.int(run.seed),
    });
    const rings = run.rings.map((r) => ({
      id: r.id,
      typology: r.typology,
      score: r.score,
      revenueAtRisk: r.revenueAtRisk,
      priority: r.priority,
      explanation: r.explanation,
      memberCount: neo4j.int(r.members.length),
      memberKeys: [...new Set(r.members.map(nodeKey))],
      body: JSON.stringify(r),
    }));
    const parties = run.parties.map((p) => ({
      key: nodeKey(p),
      label: p.label,
      id: p.id,
      score: p.score,
      body: JSON.stringify(p),
    }));
    const targets = run.targets.map((t) => ({
      key: `${t.declarationId}/${t.line}`,
      declarationId: t.declarationId,
      line: neo4j.int(t.line),
      score: t.score,
      body: JSON.stringify(t),
    }));
    const batches: [Parameters<typeof query>[0], unknown[]][] = [
      ['findings/write-rings', rings],
      ['findings/write-party-risks', parties],
      ['findings/write-targets', targets],
      ['findings/write-leads', leadRows(run.leads ?? [])],
    ];
    for (const [name, rows] of batches) {
      for (let i = 0; i < rows.length; i += WRITE_BATCH_ROWS) {
        await tx.run(query(name), { rows: rows.slice(i, i + WRITE_BATCH_ROWS) });
      }
    }
    await tx.commit();
  } catch (error) {
    await tx.rollback();
    throw error;
  }
}

export async function lastRun(executor: CypherExecutor): Promise<RunInfo | null> {
  const [record] = await executor.read(query('findings/last-run'));
  if (!record) return null;
  return {
    runId: String(record.get('runId')),
    startedAt: String(record.get('startedAt')),
    finishedAt: String(record.get('finishedAt')),
    seed: Number(record.get('seed')),
  };
}

export async function listRings(
  executor: CypherExecutor,
  q: RingQuery,
): Promise<{ rings: RingSummary[]; total: number }> {
  requireWholeNumber('limit', q.limit, 0);
  requireWholeNumber('offset', q.offset, 0);
  const [record] = await executor.read(query('findings/list-rings'), {
    typology: q.typology ?? null,
    sort: q.sort ?? 'priority',
    minScore: q.minScore ?? 0,
    offset: neo4j.int(q.offset),
    limit: neo4j.int(q.limit),
  });
  if (!record) return { rings: [], total: 0 };
  return { rings: (record.get('rings') as unknown[]).map(summary), total: Number(record.get('total')) };
}

export async function getRing(executor: CypherExecutor, id: string): Promise<Ring | null> {
  const [record] = await executor.read(query('findings/get-ring'), { id });
  // A ring stored before priorities has it from the query only.
  return record
    ? Ring.parse({ priority: Number(record.get('priority')), ...JSON.parse(String(record.get('body'))) })
    : null;
}

export async function ringsOf(executor: CypherExecutor, ref: NodeRef): Promise<RingSummary[]> {
  const records = await executor.read(query('findings/rings-of'), { key: nodeKey(ref) });
  return records.map((r) => summary(r.get('ring')));
}

export async function partyRisk(executor: CypherExecutor, ref: NodeRef): Promise<PartyRisk | null> {
  const [record] = await executor.read(query('findings/party-risk'), { key: nodeKey(ref) });
  return record ? PartyRisk.parse(JSON.parse(String(record.get('body')))) : null;
}

export async function listPartyRisks(
  executor: CypherExecutor,
  options: { minScore?: number; limit?: number },
): Promise<PartyRisk[]> {
  requireWholeNumber('limit', options.limit, 0);
  const records = await executor.read(query('findings/list-party-risks'), {
    minScore: options.minScore ?? 0,
    limit: options.limit === undefined ? ALL : neo4j.int(options.limit),
  });
  return records.map((r) => PartyRisk.parse(JSON.parse(String(r.get('body')))));
}

export async function listTargets(
  executor: CypherExecutor,
  options: { limit: number },
): Promise<LineTarget[]> {
  requireWholeNumber('limit', options.limit, 0);
  const records = await executor.read(query('findings/list-targets'), { limit: neo4j.int(options.limit) });
  return records.map((r) => LineTarget.parse(JSON.parse(String(r.get('body')))));
}
