// With the training labels shuffled, nothing true is left to learn: the model must fall to the base
// rate, or it is reading something it should not (a feature built from the test labels, say).
// Precision at 1 % of the 8,481 test lines rests on 85 lines, whose sampling deviation alone is
// about 4.5 points at this base rate, and a model fitted to noise still ranks lines by informative
// features (price, goods) in some random direction; so the 3-point bound is checked at 5 % (424
// lines) on the mean of five shuffles, and at 1 % the shuffled models must sit far below the same
// model trained on the true labels and near the base rate.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KCS_ATTRIBUTES, kcsRiskLine, readKcsFile } from '../../src/eval/kcs.ts';
import { seededRng } from '../../src/model/rng.ts';
import type { RiskLine } from '../../src/risk/features.ts';
import { scoreProbability, trainRiskModel } from '../../src/risk/model.ts';

const DIR = new URL('../../datasets/kcs-customs-declarations/', import.meta.url).pathname;
const SHUFFLES = [1, 2, 3, 4, 5];

function shuffled(lines: readonly RiskLine[], seed: number): RiskLine[] {
  const rng = seededRng(seed);
  const labels = lines.map((l) => l.label);
  for (let i = labels.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [labels[i], labels[j]] = [labels[j]!, labels[i]!];
  }
  return lines.map((l, i) => ({ ...l, label: labels[i]! }));
}

/** Precision at k % inspected for each k, the model trained on `train` ranking `test`. */
function precisionAt(train: RiskLine[], test: readonly RiskLine[], shares: number[]): number[] {
  const model = trainRiskModel(train, {
    features: { attributes: [...KCS_ATTRIBUTES] },
    trees: { iterations: 100 },
  });
  const p = scoreProbability(model, test);
  const order = test.map((_, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
  return shares.map((k) => {
    const inspected = Math.ceil((test.length * k) / 100);
    return order.slice(0, inspected).filter((i) => test[i]!.label).length / inspected;
  });
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('honesty', () => {
  let train: RiskLine[];
  let test: RiskLine[];
  let baseRate: number;
  beforeAll(async () => {
    train = (await readKcsFile(join(DIR, 'df_syn_train_eng.csv'))).slice(0, 12000).map(kcsRiskLine);
    test = (await readKcsFile(join(DIR, 'df_syn_test_eng.csv'))).map(kcsRiskLine);
    baseRate = test.filter((l) => l.label).length / test.length;
  });

  it('with shuffled training labels, precision falls to the base rate', () => {
    const [trueAt1] = precisionAt(train, test, [1]);
    const runs = SHUFFLES.map((seed) => precisionAt(shuffled(train, seed), test, [1, 5]));
    const at1 = mean(runs.map((r) => r[0]!));
    const at5 = mean(runs.map((r) => r[1]!));
    expect(Math.abs(at5 - baseRate)).toBeLessThan(0.03);
    expect(Math.abs(at1 - baseRate)).toBeLessThan(0.1);
    expect(trueAt1! - at1).toBeGreaterThan(0.5);
  }, 120_000);
});
