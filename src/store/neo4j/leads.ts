// Leads on parties on Neo4j: `:LeadFinding` nodes (outside the domain enum, like the other
// findings) written with the run in writeFindings' transaction, keeping their full JSON.
import neo4j from 'neo4j-driver';
import { Lead } from '../../model/index.ts';
import type { LeadQuery } from '../../model/index.ts';
import { requireWholeNumber } from '../findings-input.ts';
import { query } from './cypher.ts';
import type { CypherExecutor } from './executor.ts';

/** The rows of cypher/findings/write-leads: one per lead, keyed by detector and party. */
export function leadRows(leads: readonly Lead[]): Record<string, unknown>[] {
  return leads.map((l) => ({
    key: `${l.detector}|${l.label}:${l.id}`,
    detector: l.detector,
    label: l.label,
    id: l.id,
    score: l.score,
    reason: l.reason,
    body: JSON.stringify(l),
  }));
}

export async function listLeads(
  executor: CypherExecutor,
  q: LeadQuery,
): Promise<{ leads: Lead[]; total: number }> {
  requireWholeNumber('limit', q.limit, 0);
  requireWholeNumber('offset', q.offset, 0);
  const [record] = await executor.read(query('findings/list-leads'), {
    detector: q.detector ?? null,
    minScore: q.minScore ?? 0,
    offset: neo4j.int(q.offset),
    limit: neo4j.int(q.limit),
  });
  if (!record) return { leads: [], total: 0 };
  return {
    leads: (record.get('leads') as unknown[]).map((b) => Lead.parse(JSON.parse(String(b)))),
    total: Number(record.get('total')),
  };
}
