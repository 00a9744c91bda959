// A model file for the server's risk tests, with the metadata `ringscope train` writes (a
// training file, a metric), so the model card has something to show.
import { lanesFor, toModelFile, type ModelFile } from '../../../src/risk/model-file.ts';
import { scoreProbability, type RiskModel } from '../../../src/risk/model.ts';
import type { RiskLine } from '../../../src/risk/features.ts';

export function fileOf(model: RiskModel, history: readonly RiskLine[], createdAt: string): ModelFile {
  return toModelFile(model, {
    createdAt,
    features: model.trees.features.map((f) => f.name),
    trainingData: {
      files: [{ path: '/srv/data/history.csv', sha256: 'ab'.repeat(32) }],
      lines: history.length,
      labelled: history.length,
      trainedOn: { lines: history.length, from: '2021-01-01', to: '2021-01-28' },
      heldOut: { lines: 0, from: '', to: '' },
    },
    metrics: { precisionAt: { '1%': 0.5 } },
    lanes: lanesFor(scoreProbability(model, history)),
  });
}
