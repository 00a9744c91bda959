// Retraining never silently replaces a better model: the current model and a new one are
// measured on the SAME held-out lines (the newest of the new training data), and the new one
// replaces the current only when it is at least as precise at the red-lane budget.
import type { RiskLine } from './features.ts';

export const SHARES = [1, 2, 5, 10] as const;

export interface HeldOutMetrics {
  /** Share of fraud among the top k % of held-out lines by probability (k = 1, 2, 5, 10). */
  precisionAt: Record<string, number>;
  /** Share of fraud among the top ceil(red budget × lines) held-out lines. */
  precisionAtRed: number;
  /** Area under the ROC curve (ties count half); NaN when the lines hold one class only. */
  auc: number;
  /** Mean log-loss of the probabilities (clipped to 1e-15). */
  logLoss: number;
}

/** Lines at the top of a ranking for an inspection share: ceil(share × lines), at least 1. */
export const linesForShare = (lines: number, share: number): number =>
  Math.max(1, Math.ceil(lines * share - 1e-9));

function rankOrder(probability: ArrayLike<number>): number[] {
  return Array.from({ length: probability.length }, (_, i) => i).sort(
    (a, b) => probability[b]! - probability[a]! || a - b,
  );
}

/** AUC by the rank-sum formula, tied probabilities sharing their mean rank. */
export function areaUnderCurve(probability: ArrayLike<number>, labels: readonly boolean[]): number {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort(
    (a, b) => probability[a]! - probability[b]!,
  );
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && probability[order[j + 1]!] === probability[order[i]!]) j++;
    const meanRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[order[k]!]) rankSum += meanRank;
    i = j + 1;
  }
  const positives = labels.filter(Boolean).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function heldOutMetrics(
  probability: ArrayLike<number>,
  lines: readonly RiskLine[],
  redBudget: number,
): HeldOutMetrics {
  const labels = lines.map((l) => l.label === true);
  const order = rankOrder(probability);
  const precisionTop = (n: number) => order.slice(0, n).filter((i) => labels[i]).length / n;
  let loss = 0;
  labels.forEach((y, i) => {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, probability[i]!));
    loss -= y ? Math.log(p) : Math.log(1 - p);
  });
  return {
    precisionAt: Object.fromEntries(
      SHARES.map((k) => [`${k}%`, precisionTop(linesForShare(lines.length, k / 100))]),
    ),
    precisionAtRed: precisionTop(linesForShare(lines.length, redBudget)),
    auc: areaUnderCurve(probability, labels),
    logLoss: lines.length === 0 ? Number.NaN : loss / lines.length,
  };
}

export type Verdict = 'replaced' | 'kept' | 'forced';

/** The new model replaces the current one when at least as precise at the red-lane budget. */
export function retrainVerdict(current: HeldOutMetrics, next: HeldOutMetrics, force: boolean): Verdict {
  if (next.precisionAtRed >= current.precisionAtRed) return 'replaced';
  return force ? 'forced' : 'kept';
}
