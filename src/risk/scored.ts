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

/**
 * Scores lines, highest first. Lanes come from the model's thresholds, or, given `budget`,
 * from this batch's own score distribution.
 */
export function scoreLines(
  model: RiskModel,
  lanes: Lanes,
  lines: readonly RiskLine[],
  options: { reasons?: number; reasonsFor?: readonly Lane[]; budget?: LaneBudget } = {},
): ScoredLine[] {
  const explained = new Set(options.reasonsFor ?? ['red', 'amber', 'green']);
  const bins = binMatrix(model.trees.features, buildMatrix(model.plan, lines));
  const score = predictBinned(model.trees, bins).map(logistic);
  const order = lines.map((_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b);
  const laneOfLine = options.budget
    ? lanesByRank(order, options.budget)
    : Array.from(score, (p) => laneOf(lanes, p));
  const explain = explainerOf(model.trees);
  const names = model.trees.features.map((f) => f.name);
  // One buffer for every line's contributions: topReasons reads them and keeps none.
  const phi = new Float64Array(names.length);
  return order.map((i) => {
    const line = lines[i]!;
    const lane = laneOfLine[i]!;
    const reasons = explained.has(lane)
      ? topReasons(model.plan, names, line, explain(bins, i, phi), options.reasons)
      : [];
    return { line, score: score[i]!, lane, reasons };
  });
}
