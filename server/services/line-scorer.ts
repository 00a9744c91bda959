// Scores a few lines at a time for the API with `scoreLines` (src/risk/scored.ts), whose explainer
// is built once per model, and answers in the lines' own order (scoreLines ranks them).
import type { RiskLine } from '../../src/risk/features.ts';
import type { Lane } from '../../src/risk/model-file.ts';
import { scoreLines } from '../../src/risk/scored.ts';
import type { LoadedRiskModel } from './risk-model.ts';

export interface LineScore {
  score: number;
  lane: Lane;
  reasons: string[];
}

export class LineScorer {
  constructor(private readonly loaded: LoadedRiskModel) {}

  /** Score, lane and reasons of each line (labels in the lines are ignored), in their order. */
  score(lines: readonly RiskLine[]): LineScore[] {
    const scored = scoreLines(this.loaded.model, this.loaded.file.lanes, lines);
    const byLine = new Map(scored.map((s) => [s.line, s]));
    return lines.map((line) => {
      const { score, lane, reasons } = byLine.get(line)!;
      return { score, lane, reasons };
    });
  }
}
