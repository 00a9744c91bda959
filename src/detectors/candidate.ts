// What a detector returns: candidate rings made of members and named indicators with their
// evidence (scored into rings later by src/scoring), and the helpers that build them.
import { z } from 'zod';
import { parseNodeKey, type Evidence, type NodeRef, type RingMember, type Typology } from '../model/index.ts';
import type { DetectionView } from '../graph/view.ts';

/** An indicator before scoring: value in [0,1], its weight, a sentence and its evidence. */
export interface IndicatorInput {
  name: string;
  value: number;
  weight: number;
  description: string;
  evidence: Evidence;
}

export interface CandidateRing {
  typology: Typology;
  members: RingMember[];
  indicators: IndicatorInput[];
  revenueAtRisk: number;
}

/** An indicator's weight in its detector's DEFAULTS.weights; weights need not sum to 1. */
export const IndicatorWeight = z.number().nonnegative();

/** Most declaration ids one indicator lists as evidence; the rest are summarised in its text. */
export const MAX_EVIDENCE_DECLARATIONS = 50;

export function member(key: string, role: string): RingMember {
  return { ...parseNodeKey(key), role };
}

export function ref(key: string): NodeRef {
  return parseNodeKey(key);
}

export function evidence(nodes: string[], rels: string[] = [], declarations: string[] = []): Evidence {
  return {
    nodes: [...new Set(nodes)].sort().map(ref),
    rels: [...new Set(rels)].sort(),
    declarations: [...new Set(declarations)].sort().slice(0, MAX_EVIDENCE_DECLARATIONS),
  };
}

/** The `declarationId/line` a person looks up for line i of the view. */
export function declarationOf(view: DetectionView, i: number): string {
  return `${view.lines.declarationId[i]}/${view.lines.line[i]}`;
}

/** Candidates in member order, so a detector's output never depends on iteration order. */
export function byMembers(a: CandidateRing, b: CandidateRing): number {
  const ka = a.members.map((m) => `${m.label}:${m.id}`).join(',');
  const kb = b.members.map((m) => `${m.label}:${m.id}`).join(',');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** Σ value·weight / Σ weight: the score a set of indicators gives, in [0,1]. */
export function weightedScore(indicators: readonly Pick<IndicatorInput, 'value' | 'weight'>[]): number {
  const total = indicators.reduce((s, i) => s + i.weight, 0);
  if (total <= 0) return 0;
  return clamp01(indicators.reduce((s, i) => s + clamp01(i.value) * i.weight, 0) / total);
}
