// The `ringscope eval` report: its versioned JSON schema (stable: fields are only ever added,
// and `version` changes if one changes meaning) and how it is computed from a truth file and
// the findings of a detection run.
import { z } from 'zod';
import { PARTY_LABELS, nodeKey, type NodeLabel, type NodeRef } from '../model/index.ts';
import { PlantedTypology, type Truth } from './truth.ts';
import { DEFAULT_JACCARD_THRESHOLD, RingMatch, scoreRings, type MemberSet } from './ring-matching.ts';
import { INSPECTION_SHARES, targetingAtK } from './line-targeting.ts';

export const EVAL_REPORT_VERSION = 1;

const Ratio = z.number().min(0).max(1);

export const RingScoreJson = z
  .object({
    typology: z.string(),
    planted: z.number().int().nonnegative(),
    reported: z.number().int().nonnegative(),
    found: z.number().int().nonnegative(),
    precision: Ratio.nullable(),
    recall: Ratio.nullable(),
    f1: Ratio.nullable(),
  })
  .strict();

export const EvalReport = z
  .object({
    version: z.literal(EVAL_REPORT_VERSION),
    truth: z
      .object({
        seed: z.number().int(),
        size: z.string(),
        lines: z.number().int(),
        illicitLines: z.number().int(),
        rings: z.number().int(),
        revenueAtRisk: z.number(),
      })
      .strict(),
    findings: z
      .object({ runId: z.string().nullable(), rings: z.number().int(), targets: z.number().int() })
      .strict(),
    matching: z.object({ jaccardThreshold: z.number(), memberLabels: z.array(z.string()) }).strict(),
    rings: z
      .object({
        overall: RingScoreJson,
        byTypology: z.array(RingScoreJson),
        matches: z.array(RingMatch),
      })
      .strict(),
    lines: z.array(
      z
        .object({
          k: z.number(),
          inspected: z.number().int(),
          hits: z.number().int(),
          precision: Ratio,
          recall: Ratio,
          revenueCaptured: Ratio,
        })
        .strict(),
    ),
  })
  .strict();
export type EvalReport = z.infer<typeof EvalReport>;

/** What detection reported, as the store gives it back. */
export interface Findings {
  runId: string | null;
  rings: { id: string; typology: string; members: readonly NodeRef[] }[];
  /** Line ids (`declaration_id/line`), highest target score first. */
  rankedLines: string[];
}

export interface EvalOptions {
  jaccardThreshold?: number;
  /** Labels of the members compared (default: firms and people). */
  memberLabels?: readonly NodeLabel[];
}

/** How many ranked lines the report needs: enough for the largest share inspected. */
export function targetsNeeded(truth: Truth): number {
  return Math.ceil((truth.counts.lines * Math.max(...INSPECTION_SHARES)) / 100);
}

export function evaluate(truth: Truth, findings: Findings, options: EvalOptions = {}): EvalReport {
  const threshold = options.jaccardThreshold ?? DEFAULT_JACCARD_THRESHOLD;
  const labels = new Set<NodeLabel>(options.memberLabels ?? PARTY_LABELS);
  const keys = (members: readonly NodeRef[]) => members.filter((m) => labels.has(m.label)).map(nodeKey);
  const planted: MemberSet[] = truth.rings.map((r) => ({
    id: r.id,
    typology: r.typology,
    members: keys(r.members),
  }));
  const reported: MemberSet[] = findings.rings.map((r) => ({
    id: r.id,
    typology: r.typology,
    members: keys(r.members),
  }));
  const rings = scoreRings(planted, reported, PlantedTypology.options, threshold);
  const illicit = new Map(
    truth.rings.flatMap((r) => r.illicitLines.map((l) => [l.id, l.revenueAtRisk] as const)),
  );
  return EvalReport.parse({
    version: EVAL_REPORT_VERSION,
    truth: {
      seed: truth.seed,
      size: truth.size,
      lines: truth.counts.lines,
      illicitLines: illicit.size,
      rings: truth.rings.length,
      revenueAtRisk: Math.round(truth.rings.reduce((s, r) => s + r.revenueAtRisk, 0) * 100) / 100,
    },
    findings: { runId: findings.runId, rings: findings.rings.length, targets: findings.rankedLines.length },
    matching: { jaccardThreshold: threshold, memberLabels: [...labels] },
    rings,
    lines: targetingAtK(findings.rankedLines, truth.counts.lines, illicit),
  });
}

const pct = (x: number | null): string => (x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** The report as a person reads it. */
export function formatReport(report: EvalReport): string {
  const out: string[] = [];
  out.push(
    `Truth: ${report.truth.rings} planted rings, ${report.truth.illicitLines} illicit of ${report.truth.lines} lines (seed ${report.truth.seed}, ${report.truth.size}).`,
  );
  out.push(
    `Findings: ${report.findings.rings} rings, ${report.findings.targets} line targets${report.findings.runId ? ` (run ${report.findings.runId})` : ''}.`,
  );
  out.push('');
  out.push(
    `Rings (Jaccard ≥ ${report.matching.jaccardThreshold} on ${report.matching.memberLabels.join(', ')}):`,
  );
  out.push(`  ${'typology'.padEnd(22)} planted reported  found  precision  recall     F1`);
  for (const s of [...report.rings.byTypology, report.rings.overall]) {
    out.push(
      `  ${s.typology.padEnd(22)} ${String(s.planted).padStart(7)} ${String(s.reported).padStart(8)} ${String(s.found).padStart(6)}  ${pct(s.precision)}    ${pct(s.recall)} ${pct(s.f1)}`,
    );
  }
  out.push('');
  out.push('Inspection targeting (top k% of lines):');
  out.push('    k  inspected   hits  precision  recall  revenue captured');
  for (const l of report.lines) {
    out.push(
      `  ${String(l.k).padStart(3)}%  ${String(l.inspected).padStart(9)} ${String(l.hits).padStart(6)}  ${pct(l.precision)}    ${pct(l.recall)}  ${pct(l.revenueCaptured)}`,
    );
  }
  return out.join('\n') + '\n';
}
