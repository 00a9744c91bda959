// The published JSON contracts other tools read (documented in docs/detection.md): `ringscope detect
// --json`, `ringscope target --json` and `ringscope export suspects`. snake_case keys; fields may
// be added, the ones here keep their names and meaning.
import { z } from 'zod';
import {
  Evidence,
  NodeLabel,
  NodeRef,
  nodeKey,
  Typology,
  type Lead,
  type LineTarget,
  type PartyRisk,
  type Ring,
} from '../model/index.ts';

export const CONTRACT_VERSION = 1;

export const DetectJson = z.object({
  version: z.literal(CONTRACT_VERSION),
  rings: z.array(
    z.object({
      id: z.string(),
      typology: Typology,
      score: z.number().min(0).max(1),
      revenue_at_risk: z.number().nonnegative(),
      /** Score × (1 + log10(1 + revenue_at_risk)): the order of the list. */
      priority: z.number().nonnegative(),
      explanation: z.string(),
      members: z.array(z.object({ id: z.string(), label: NodeLabel, role: z.string() })),
      indicators: z.array(
        z.object({
          name: z.string(),
          value: z.number(),
          weight: z.number(),
          contribution: z.number(),
          description: z.string(),
          evidence: Evidence,
        }),
      ),
    }),
  ),
  /** Leads on parties (guilt by association, centrality), best first: where to look, not rings. */
  leads: z.array(
    z.object({
      id: z.string(),
      label: NodeLabel,
      detector: z.string(),
      score: z.number().min(0).max(1),
      reason: z.string(),
      path: z.array(z.object({ from: NodeRef, to: NodeRef, kinds: z.array(z.string()) })),
    }),
  ),
});
export type DetectJson = z.infer<typeof DetectJson>;

export const TargetJson = z.object({
  version: z.literal(CONTRACT_VERSION),
  lines: z.array(
    z.object({
      declaration_id: z.string(),
      line: z.number().int(),
      score: z.number(),
      reasons: z.array(z.string()),
    }),
  ),
});
export type TargetJson = z.infer<typeof TargetJson>;

export const SuspectsJson = z.object({
  version: z.literal(CONTRACT_VERSION),
  suspects: z.array(
    z.object({
      id: z.string(),
      label: NodeLabel,
      name: z.string().nullable(),
      score: z.number(),
      revenue_at_risk: z.number(),
      ring_ids: z.array(z.string()),
      reasons: z.array(z.string()),
      /** A lead of guilt by association or centrality names the party (its reason is in reasons). */
      lead: z.boolean(),
    }),
  ),
});
export type SuspectsJson = z.infer<typeof SuspectsJson>;

export function detectJson(rings: readonly Ring[], leads: readonly Lead[] = []): DetectJson {
  return {
    version: CONTRACT_VERSION,
    rings: rings.map((r) => ({
      id: r.id,
      typology: r.typology,
      score: r.score,
      revenue_at_risk: r.revenueAtRisk,
      priority: r.priority,
      explanation: r.explanation,
      members: r.members.map((m) => ({ id: m.id, label: m.label, role: m.role })),
      indicators: r.indicators.map((i) => ({
        name: i.name,
        value: i.value,
        weight: i.weight,
        contribution: i.contribution,
        description: i.description,
        evidence: i.evidence,
      })),
    })),
    leads: leads.map((l) => ({
      id: l.id,
      label: l.label,
      detector: l.detector,
      score: l.score,
      reason: l.reason,
      path: l.path,
    })),
  };
}

export function targetJson(lines: readonly LineTarget[]): TargetJson {
  return {
    version: CONTRACT_VERSION,
    lines: lines.map((l) => ({
      declaration_id: l.declarationId,
      line: l.line,
      score: l.score,
      reasons: l.reasons,
    })),
  };
}

/** A lead's reason as a suspect list gives it. */
const leadReason = (l: Lead): string =>
  `lead, ${l.detector.replace(/_/g, ' ')} (${l.score.toFixed(2)}): ${l.reason}`;

/**
 * The parties of the run's rings, by score, each marked `lead` when a lead names it too (its
 * reason added); then the parties only leads name, by their best lead's score, without rings or
 * revenue at risk: where to look, not findings.
 */
export function suspectsJson(
  parties: readonly PartyRisk[],
  names: ReadonlyMap<string, string | null> = new Map(),
  leads: readonly Lead[] = [],
): SuspectsJson {
  const leadsOf = new Map<string, Lead[]>();
  for (const l of leads) leadsOf.set(nodeKey(l), [...(leadsOf.get(nodeKey(l)) ?? []), l]);
  const inRings = new Set(parties.map((p) => nodeKey(p)));
  const leadOnly = [...leadsOf.values()]
    .filter((ls) => !inRings.has(nodeKey(ls[0]!)))
    .map((ls) => ({ ...ls[0]!, score: Math.max(...ls.map((l) => l.score)), all: ls }))
    .sort((a, b) => b.score - a.score || (nodeKey(a) < nodeKey(b) ? -1 : 1));
  return {
    version: CONTRACT_VERSION,
    suspects: [
      ...parties.map((p) => ({
        id: p.id,
        label: p.label,
        name: names.get(nodeKey(p)) ?? null,
        score: p.score,
        revenue_at_risk: p.revenueAtRisk,
        ring_ids: p.ringIds,
        reasons: [...p.reasons, ...(leadsOf.get(nodeKey(p)) ?? []).map(leadReason)],
        lead: leadsOf.has(nodeKey(p)),
      })),
      ...leadOnly.map((l) => ({
        id: l.id,
        label: l.label,
        name: names.get(nodeKey(l)) ?? null,
        score: l.score,
        revenue_at_risk: 0,
        ring_ids: [],
        reasons: l.all.map(leadReason),
        lead: true,
      })),
    ],
  };
}

export const SUSPECT_CSV_HEADER = [
  'label',
  'id',
  'name',
  'score',
  'revenue_at_risk',
  'ring_ids',
  'reasons',
  'lead',
] as const;

export function suspectCsvRows(doc: SuspectsJson): (string | number | null)[][] {
  return doc.suspects.map((s) => [
    s.label,
    s.id,
    s.name,
    s.score,
    s.revenue_at_risk,
    s.ring_ids.join(' '),
    s.reasons.join(' | '),
    s.lead ? 'yes' : 'no',
  ]);
}

export const TARGET_CSV_HEADER = ['declaration_id', 'line', 'score', 'reasons'] as const;

export function targetCsvRows(doc: TargetJson): (string | number)[][] {
  return doc.lines.map((l) => [l.declaration_id, l.line, l.score, l.reasons.join(' | ')]);
}
