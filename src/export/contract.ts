// The published JSON contracts other tools read (documented in docs/detection.md): `ringscope detect
// --json`, `ringscope target --json` and `ringscope export suspects`. snake_case keys; fields may
// be added, the ones here keep their names and meaning.
import { z } from 'zod';
import { Evidence, NodeLabel, Typology, type LineTarget, type PartyRisk, type Ring } from '../model/index.ts';

export const CONTRACT_VERSION = 1;

export const DetectJson = z.object({
  version: z.literal(CONTRACT_VERSION),
  rings: z.array(
    z.object({
      id: z.string(),
      typology: Typology,
      score: z.number().min(0).max(1),
      revenue_at_risk: z.number().nonnegative(),
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
    }),
  ),
});
export type SuspectsJson = z.infer<typeof SuspectsJson>;

export function detectJson(rings: readonly Ring[]): DetectJson {
  return {
    version: CONTRACT_VERSION,
    rings: rings.map((r) => ({
      id: r.id,
      typology: r.typology,
      score: r.score,
      revenue_at_risk: r.revenueAtRisk,
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

export function suspectsJson(
  parties: readonly PartyRisk[],
  names: ReadonlyMap<string, string | null> = new Map(),
): SuspectsJson {
  return {
    version: CONTRACT_VERSION,
    suspects: parties.map((p) => ({
      id: p.id,
      label: p.label,
      name: names.get(`${p.label}:${p.id}`) ?? null,
      score: p.score,
      revenue_at_risk: p.revenueAtRisk,
      ring_ids: p.ringIds,
      reasons: p.reasons,
    })),
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
  ]);
}

export const TARGET_CSV_HEADER = ['declaration_id', 'line', 'score', 'reasons'] as const;

export function targetCsvRows(doc: TargetJson): (string | number)[][] {
  return doc.lines.map((l) => [l.declaration_id, l.line, l.score, l.reasons.join(' | ')]);
}
