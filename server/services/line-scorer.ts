// Scores a few lines at a time for the API with `scoreLines` (src/risk/scored.ts), whose explainer
// is built once per model, and answers in the lines' own order (scoreLines ranks them). Reasons
// (exact TreeSHAP, the costly part) go to red and amber lines only unless every line's are asked
// for, as `ringscope score` gives them.
import type { RiskLine } from '../../src/risk/features.ts';
import type { Lane } from '../../src/risk/model-file.ts';
import { scoreLines } from '../../src/risk/scored.ts';
import type { LoadedRiskModel } from './risk-model.ts';

export interface LineScore {
  score: number;
  lane: Lane;
  reasons: string[];
}

/** Which lines get reasons: `flagged`, red and amber ones (the default); `all`, every line. */
export type ReasonsFor = 'flagged' | 'all';

const LANES_EXPLAINED: Record<ReasonsFor, readonly Lane[]> = {
  flagged: ['red', 'amber'],
  all: ['red', 'amber', 'green'],
};

/** Score, lane and reasons of each line (labels in the lines are ignored), in their order. */
export function scoreInOrder(
  loaded: LoadedRiskModel,
  lines: readonly RiskLine[],
  reasons: ReasonsFor = 'flagged',
): LineScore[] {
  const scored = scoreLines(loaded.model, loaded.file.lanes, lines, {
    reasonsFor: LANES_EXPLAINED[reasons],
  });
  const byLine = new Map(scored.map((s) => [s.line, s]));
  return lines.map((line) => {
    const { score, lane, reasons: why } = byLine.get(line)!;
    return { score, lane, reasons: why };
  });
}
