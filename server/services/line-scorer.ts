// Scores a few lines at a time for the API: what `scoreLines` (src/risk/scored.ts) does, from the
// same building blocks, but with the model's TreeSHAP explainer built once for the server's life
// instead of on every call (building it costs 1.5 ms on a 200-tree model, more than scoring and
// explaining a 5-line declaration's first lines). Answers in the lines' own order. A test holds
// it to `scoreLines`: same scores, lanes and reasons (tests/server/risk-score.test.ts).
import { binMatrix } from '../../src/risk/binning.ts';
import { buildMatrix, type RiskLine } from '../../src/risk/features.ts';
import { logistic, predictBinned } from '../../src/risk/gbdt.ts';
import { laneOf, type Lane } from '../../src/risk/model-file.ts';
import { topReasons } from '../../src/risk/reasons.ts';
import { treeExplainer } from '../../src/risk/shap.ts';
import type { LoadedRiskModel } from './risk-model.ts';

export interface LineScore {
  score: number;
  lane: Lane;
  reasons: string[];
}

export class LineScorer {
  private readonly explain: ReturnType<typeof treeExplainer>;
  private readonly names: string[];

  constructor(private readonly loaded: LoadedRiskModel) {
    this.explain = treeExplainer(loaded.model.trees);
    this.names = loaded.model.trees.features.map((f) => f.name);
  }

  /** Score, lane and reasons of each line (labels in the lines are ignored), in their order. */
  score(lines: readonly RiskLine[]): LineScore[] {
    const { model, file } = this.loaded;
    const bins = binMatrix(model.trees.features, buildMatrix(model.plan, lines));
    const raw = predictBinned(model.trees, bins);
    return lines.map((line, i) => {
      const score = logistic(raw[i]!);
      const reasons = topReasons(model.plan, this.names, line, this.explain(bins, i));
      return { score, lane: laneOf(file.lanes, score), reasons };
    });
  }
}
