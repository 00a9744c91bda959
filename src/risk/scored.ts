// Scoring a batch of lines for inspection: probability, lane and reasons (the TreeSHAP
// contributions that raised the score most, in words), highest score first. Reasons cost far
// more than scores (TreeSHAP is O(leaves × depth²) per tree), so callers may ask them for some
// lanes only.
import { binMatrix } from './binning.ts';
import { buildMatrix, type RiskLine } from './features.ts';
import { logistic, predictBinned } from './gbdt.ts';
import { laneOf, type Lane, type Lanes } from './model-file.ts';
import type { RiskModel } from './model.ts';
import { topReasons } from './reasons.ts';
import { treeExplainer } from './shap.ts';

export interface ScoredLine {
  line: RiskLine;
  /** Probability of fraud. */
  score: number;
  lane: Lane;
  reasons: string[];
}

// A model's explainer is built once and kept with its trees: building it costs more than scoring
// and explaining a few lines, which is what the API does per declaration.
const explainers = new WeakMap<RiskModel['trees'], ReturnType<typeof treeExplainer>>();
function explainerOf(trees: RiskModel['trees']): ReturnType<typeof treeExplainer> {
  let explain = explainers.get(trees);
  if (!explain) {
    explain = treeExplainer(trees);
    explainers.set(trees, explain);
  }
  return explain;
}

/** Builds the model's explainer now (its leaf tables), so the first lines explained do not wait. */
export function prepareExplainer(model: RiskModel): void {
  explainerOf(model.trees);
}

/** An inspection budget: the top `red` share of lines red, the next `amber` share amber. */
export interface LaneBudget {
  red: number;
  amber: number;
}

/** Lines in the top `share` of `lines`: ceil(share × lines) (within a rounding error of 1e-9). */
export const budgetLines = (lines: number, share: number): number =>
  Math.min(lines, Math.max(0, Math.ceil(lines * share - 1e-9)));

/**
 * Lanes by rank in this batch's own score order: exactly ceil(red × N) lines red and
 * ceil((red + amber) × N) − ceil(red × N) amber, ties at the cut broken by file order.
 */
function lanesByRank(order: readonly number[], budget: LaneBudget): Lane[] {
  const red = budgetLines(order.length, budget.red);
  const amber = budgetLines(order.length, budget.red + budget.amber);
  const lanes: Lane[] = new Array<Lane>(order.length);
  order.forEach((line, rank) => (lanes[line] = rank < red ? 'red' : rank < amber ? 'amber' : 'green'));
  return lanes;
}

/** A batch's scores and lanes, in the lines' order, and the reasons of any of its lines on demand. */
export interface ScoredBatch {
  score: number[];
  lane: Lane[];
  /** Line i's reasons (its TreeSHAP contributions in words, `count` of them at most). */
  reasons(i: number, count?: number): string[];
  /** The reasons of several lines, explained together (the same as one by one, in less time). */
  reasonsOf(lines: readonly number[], count?: number): string[][];
}

/**
 * Scores lines once (features, bins, trees) and keeps what explaining one of them needs. Lanes
 * come from the model's thresholds, or, given `budget`, from this batch's own score distribution.
 */
export function scoreBatch(
  model: RiskModel,
  lanes: Lanes,
  lines: readonly RiskLine[],
  budget?: LaneBudget,
): ScoredBatch {
  const bins = binMatrix(model.trees.features, buildMatrix(model.plan, lines));
  const score = Array.from(predictBinned(model.trees, bins), logistic);
  const lane = budget ? lanesByRank(rankOf(score), budget) : score.map((p) => laneOf(lanes, p));
  const explain = explainerOf(model.trees);
  const names = model.trees.features.map((f) => f.name);
  // One buffer for every line's contributions: topReasons reads them and keeps none.
  const phi = new Float64Array(names.length);
  return {
    score,
    lane,
    reasons: (i, count) => topReasons(model.plan, names, lines[i]!, explain(bins, i, phi), count),
    reasonsOf: (indices, count) => {
      const phis = indices.map(() => new Float64Array(names.length));
      explain.rows(bins, indices, phis);
      return indices.map((i, k) => topReasons(model.plan, names, lines[i]!, phis[k]!, count));
    },
  };
}

/** Line indices by score, highest first, ties in file order. */
const rankOf = (score: readonly number[]): number[] =>
  score.map((_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b);

/** Scores lines, highest first, with reasons for the lanes in `reasonsFor` (default: all). */
export function scoreLines(
  model: RiskModel,
  lanes: Lanes,
  lines: readonly RiskLine[],
  options: { reasons?: number; reasonsFor?: readonly Lane[]; budget?: LaneBudget } = {},
): ScoredLine[] {
  const explained = new Set(options.reasonsFor ?? ['red', 'amber', 'green']);
  const batch = scoreBatch(model, lanes, lines, options.budget);
  return rankOf(batch.score).map((i) => {
    const lane = batch.lane[i]!;
    const reasons = explained.has(lane) ? batch.reasons(i, options.reasons) : [];
    return { line: lines[i]!, score: batch.score[i]!, lane, reasons };
  });
}
