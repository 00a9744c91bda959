// Turns a detector's candidate into a Ring: the stable id, the score as the weighted sum of named
// indicators (each with its contribution), and the plain-language explanation built from them.
import { createHash } from 'node:crypto';
import type { CandidateRing } from '../detectors/candidate.ts';
import { clamp01 } from '../detectors/candidate.ts';
import { nodeKey, type Indicator, type Ring } from '../model/index.ts';
import { formatMoney } from '../detectors/money.ts';

/** Same typology and same members → same id, whatever the order or community numbers. */
export function ringId(candidate: Pick<CandidateRing, 'typology' | 'members'>): string {
  const keys = [...new Set(candidate.members.map((m) => nodeKey(m)))].sort();
  const digest = createHash('sha256')
    .update(`${candidate.typology}\n${keys.join('\n')}`)
    .digest('hex');
  return `R-${candidate.typology}-${digest.slice(0, 12)}`;
}

export function scoreIndicators(candidate: CandidateRing): { score: number; indicators: Indicator[] } {
  const totalWeight = candidate.indicators.reduce((s, i) => s + i.weight, 0);
  const indicators = candidate.indicators.map((i) => {
    const value = clamp01(i.value);
    return {
      name: i.name,
      value,
      weight: i.weight,
      contribution: totalWeight > 0 ? (value * i.weight) / totalWeight : 0,
      description: i.description,
      evidence: i.evidence,
    };
  });
  return { score: clamp01(indicators.reduce((s, i) => s + i.contribution, 0)), indicators };
}

/** The indicators that say something (value above zero), then the revenue at risk. */
export function explain(indicators: readonly Indicator[], revenueAtRisk: number): string {
  const parts = indicators.filter((i) => i.value > 0).map((i) => i.description);
  if (revenueAtRisk > 0) parts.push(`estimated revenue at risk ${formatMoney(revenueAtRisk)}`);
  return parts.join('; ');
}

/**
 * A ring's place in the work queue: score × (1 + log10(1 + revenueAtRisk)). The score says how
 * sure detection is, the revenue at risk what is at stake; the logarithm keeps a huge but doubtful
 * ring from burying a certain one (each tenfold of revenue adds one score's worth), and the 1 +
 * keeps rings without an estimate ordered by score. Equal scores: more revenue first.
 */
export function ringPriority(score: number, revenueAtRisk: number): number {
  return Math.round(score * (1 + Math.log10(1 + Math.max(0, revenueAtRisk))) * 1e6) / 1e6;
}

export function finaliseRing(candidate: CandidateRing): Ring {
  const { score, indicators } = scoreIndicators(candidate);
  const revenueAtRisk = Math.max(0, Math.round(candidate.revenueAtRisk * 100) / 100);
  return {
    id: ringId(candidate),
    typology: candidate.typology,
    score: Math.round(score * 1e6) / 1e6,
    revenueAtRisk,
    priority: ringPriority(score, revenueAtRisk),
    explanation: explain(indicators, revenueAtRisk),
    members: candidate.members,
    indicators,
  };
}

/** Highest priority first, then score; ties by id so the order never depends on the run. */
export function byPriority(
  a: { priority: number; score: number; id: string },
  b: { priority: number; score: number; id: string },
): number {
  return b.priority - a.priority || byScore(a, b);
}

/** Highest score first; ties by id so the order never depends on the run. */
export function byScore(a: { score: number; id: string }, b: { score: number; id: string }): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
