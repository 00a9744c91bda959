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

export function scoreLines(
  model: RiskModel,
  lanes: Lanes,
  lines: readonly RiskLine[],
  options: { reasons?: number; reasonsFor?: readonly Lane[] } = {},
): ScoredLine[] {
  const explained = new Set(options.reasonsFor ?? ['red', 'amber', 'green']);
  const bins = binMatrix(model.trees.features, buildMatrix(model.plan, lines));
  const raw = predictBinned(model.trees, bins);
  const explain = treeExplainer(model.trees);
  const names = model.trees.features.map((f) => f.name);
  return lines
    .map((line, i) => {
      const score = logistic(raw[i]!);
      const lane = laneOf(lanes, score);
      const reasons = explained.has(lane)
        ? topReasons(model.plan, names, line, explain(bins, i), options.reasons)
        : [];
      return { line, score, lane, reasons };
    })
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.score - a.s.score || a.i - b.i)
    .map(({ s }) => s);
}
