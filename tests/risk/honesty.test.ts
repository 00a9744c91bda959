// With the training labels shuffled, nothing true is left to learn: the model's precision at 1 %
// must fall to the base rate (within 3 points), or it is reading something it should not.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KCS_ATTRIBUTES, kcsRiskLine, readKcsFile } from '../../src/eval/kcs.ts';
import { seededRng } from '../../src/model/rng.ts';
import { scoreProbability, trainRiskModel } from '../../src/risk/model.ts';

const DIR = new URL('../../datasets/kcs-customs-declarations/', import.meta.url).pathname;

describe('honesty', () => {
  it('with shuffled training labels, precision at 1 % falls to within 3 points of the base rate', async () => {
    const train = (await readKcsFile(join(DIR, 'df_syn_train_eng.csv'))).slice(0, 12000).map(kcsRiskLine);
    const test = (await readKcsFile(join(DIR, 'df_syn_test_eng.csv'))).map(kcsRiskLine);
    const rng = seededRng(9);
    const labels = train.map((l) => l.label);
    for (let i = labels.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [labels[i], labels[j]] = [labels[j]!, labels[i]!];
    }
    const shuffled = train.map((l, i) => ({ ...l, label: labels[i]! }));
    const model = trainRiskModel(shuffled, {
      features: { attributes: [...KCS_ATTRIBUTES] },
      trees: { iterations: 100 },
    });
    const p = scoreProbability(model, test);
    const order = test.map((_, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
    const inspected = Math.ceil(test.length / 100);
    const precision = order.slice(0, inspected).filter((i) => test[i]!.label).length / inspected;
    const baseRate = test.filter((l) => l.label).length / test.length;
    expect(Math.abs(precision - baseRate)).toBeLessThan(0.03);
  }, 20_000);
});
