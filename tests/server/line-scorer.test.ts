// The API's line scorer: every line's score, lane and reasons in the lines' own order, the same
// as `ringscope score` ranks and explains them, for a declaration long enough that its reasons
// are computed over several turns of the event loop (EXPLAINED_PER_TURN lines a turn).
import { describe, expect, it } from 'vitest';
import { EXPLAINED_PER_TURN, scoreInOrder } from '../../server/services/line-scorer.ts';
import type { LoadedRiskModel } from '../../server/services/risk-model.ts';
import { lanesFor } from '../../src/risk/model-file.ts';
import { scoreProbability, trainRiskModel } from '../../src/risk/model.ts';
import { scoreLines } from '../../src/risk/scored.ts';
import { riskLines } from '../risk/lines.ts';
import { testModelFile } from './support/risk-model.ts';

function loadedModel(): LoadedRiskModel {
  const history = riskLines(1500, 3);
  const model = trainRiskModel(history, { trees: { iterations: 30 } });
  const file = testModelFile(model, history, lanesFor(scoreProbability(model, history)));
  return { model, file, loadedAt: '2026-12-01T00:00:00.000Z', source: { kind: 'file', path: 'model.json' } };
}

describe('scoreInOrder', () => {
  it('answers each line in order as scoreLines scores and explains it, over several turns', async () => {
    const loaded = loadedModel();
    const lines = riskLines(3 * EXPLAINED_PER_TURN + 5, 11);
    const ranked = scoreLines(loaded.model, loaded.file.lanes, lines);
    const answer = await scoreInOrder(loaded, lines, 'all');
    expect(answer).toHaveLength(lines.length);
    lines.forEach((line, i) => {
      const same = ranked.find((s) => s.line === line)!;
      expect(answer[i]).toEqual({ score: same.score, lane: same.lane, reasons: same.reasons });
    });
    // Lines explained after the second turn have their reasons too.
    expect(answer.slice(2 * EXPLAINED_PER_TURN).some((a) => a.reasons.length > 0)).toBe(true);
    const flagged = await scoreInOrder(loaded, lines);
    flagged.forEach((a, i) => expect(a.reasons).toEqual(a.lane === 'green' ? [] : answer[i]!.reasons));
  });
});
