// Scores a few lines at a time for the API with `scoreLines` (src/risk/scored.ts), whose explainer
// is built once per model, and answers in the lines' own order (scoreLines ranks them). Reasons
// (exact TreeSHAP, the costly part: about 0.3 ms a line) go to red and amber lines only unless
// every line's are asked for, as `ringscope score` gives them. They are computed one line per turn
// of the event loop, so a declaration of many red lines does not hold up every other request.
import { setImmediate as nextTurn } from 'node:timers/promises';
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
export async function scoreInOrder(
  loaded: LoadedRiskModel,
  lines: readonly RiskLine[],
  reasons: ReasonsFor = 'flagged',
): Promise<LineScore[]> {
  const { model, file } = loaded;
  const scored = scoreLines(model, file.lanes, lines, { reasonsFor: [] });
  const byLine = new Map(scored.map((s) => [s.line, s]));
  const explained = new Set(LANES_EXPLAINED[reasons]);
  const answer: LineScore[] = [];
  for (const line of lines) {
    const { score, lane } = byLine.get(line)!;
    if (!explained.has(lane)) {
      answer.push({ score, lane, reasons: [] });
      continue;
    }
    // A line's features and reasons do not depend on the other lines scored with it.
    await nextTurn();
    const [alone] = scoreLines(model, file.lanes, [line], { reasonsFor: [lane] });
    answer.push({ score, lane, reasons: alone!.reasons });
  }
  return answer;
}
