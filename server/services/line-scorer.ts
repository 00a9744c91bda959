// Scores a few lines at a time for the API with `scoreBatch` (src/risk/scored.ts), whose explainer
// is built once per model: features, bins and trees once for the whole declaration, in the lines'
// own order. Reasons (exact TreeSHAP from the model's leaf tables, the costly part: tens of µs a
// line) go to red and amber lines only unless every line's are asked for, as `ringscope score`
// gives them. They are computed a few lines per turn of the event loop, so a declaration of many
// red lines does not hold up every other request.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ScoreDeclarationBody } from '../../src/api/risk.ts';
import { riskLineOf } from '../../src/risk/canonical-line.ts';
import type { RiskLine } from '../../src/risk/features.ts';
import type { NetworkFacts } from '../../src/risk/network.ts';
import type { Lane } from '../../src/risk/model-file.ts';
import { scoreBatch } from '../../src/risk/scored.ts';
import type { LoadedRiskModel } from './risk-model.ts';

/** What scoring needs of a loaded model: its trees and plan, and its file's lane thresholds. */
export type ScorableModel = Pick<LoadedRiskModel, 'model' | 'file'>;

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

/** Lines explained between two turns of the event loop (well under a millisecond of CPU). */
export const EXPLAINED_PER_TURN = 8;

/** Score, lane and reasons of each line (labels in the lines are ignored), in their order. */
export async function scoreInOrder(
  loaded: ScorableModel,
  lines: readonly RiskLine[],
  reasons: ReasonsFor = 'flagged',
): Promise<LineScore[]> {
  const batch = scoreBatch(loaded.model, loaded.file.lanes, lines);
  const explained = new Set(LANES_EXPLAINED[reasons]);
  const answer: LineScore[] = lines.map((_, i) => ({
    score: batch.score[i]!,
    lane: batch.lane[i]!,
    reasons: [],
  }));
  const toExplain = answer.flatMap((line, i) => (explained.has(line.lane) ? [i] : []));
  for (let from = 0; from < toExplain.length; from += EXPLAINED_PER_TURN) {
    if (from > 0) await nextTurn();
    // Explained together: a line's reasons do not depend on the others, the memory read is shared.
    const chunk = toExplain.slice(from, from + EXPLAINED_PER_TURN);
    batch.reasonsOf(chunk).forEach((words, k) => (answer[chunk[k]!]!.reasons = words));
  }
  return answer;
}

/**
 * One declaration's lines as posted (canonical fields), with what the last detection run says
 * about each line's parties when the model was trained with network features. What the scoring
 * thread is sent: the lines become the model's lines there (riskLineOf, as everywhere else).
 */
export interface PostedLines {
  declarationId: string;
  lines: readonly ScoreDeclarationBody['lines'][number][];
  network: readonly NetworkFacts[] | null;
}

/** The model's lines of a posted declaration, numbered 1, 2, … where they carry no number. */
export function riskLinesOf(posted: PostedLines): RiskLine[] {
  return posted.lines.map(({ attributes, ...row }, i) => {
    const line = riskLineOf({ ...row, declaration_id: posted.declarationId }, i + 1, attributes ?? {});
    const facts = posted.network?.[i];
    return facts ? { ...line, network: facts } : line;
  });
}

/** scoreInOrder for a posted declaration. */
export function scorePosted(
  loaded: ScorableModel,
  posted: PostedLines,
  reasons: ReasonsFor = 'flagged',
): Promise<LineScore[]> {
  return scoreInOrder(loaded, riskLinesOf(posted), reasons);
}
