// A risk model trained on synthetic labelled lines and written where the server loads it, with
// lanes set so the test declarations below land in known lanes: the risky importer's cheap line
// red, the clean line green.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeclarationLineInput } from '../../../src/api/risk.ts';
import type { RiskLine } from '../../../src/risk/features.ts';
import { toModelFile, type ModelFile } from '../../../src/risk/model-file.ts';
import { trainRiskModel, type RiskModel } from '../../../src/risk/model.ts';
import { riskLines } from '../../risk/lines.ts';

/** The model file of `model` trained on `history`, with the given lanes. */
export function testModelFile(
  model: RiskModel,
  history: readonly RiskLine[],
  lanes: ModelFile['lanes'],
): ModelFile {
  return toModelFile(model, {
    createdAt: '2026-12-01T00:00:00.000Z',
    features: model.trees.features.map((f) => f.name),
    trainingData: {
      files: [],
      lines: history.length,
      labelled: history.length,
      trainedOn: { lines: history.length, from: '2021-01-01', to: '2021-01-28' },
      heldOut: { lines: 0, from: '', to: '' },
    },
    metrics: {},
    lanes,
  });
}

/** Writes the model file in `dir`; answers its path. */
export function writeTestModel(dir: string): string {
  const history = riskLines(2000, 7);
  const model = trainRiskModel(history, { trees: { iterations: 40 } });
  const file = testModelFile(model, history, {
    red: 0.5,
    amber: 0.3,
    budget: { red: 0.02, amber: 0.05 },
  });
  const path = join(dir, 'model.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}

/** A risky importer (I10) declaring HS 6109 at a fraud-like unit value: red. */
export const RED_LINE: DeclarationLineInput = {
  date: '2021-02-01',
  office: 'O2',
  importer_id: 'I10',
  broker_id: 'B3',
  supplier_id: 'S9',
  hs_code: '610910',
  origin_country: 'VN',
  departure_country: 'CN',
  customs_value: 1100,
  net_mass_kg: 50,
  duty_rate: 0.08,
};

/** An ordinary importer's line at a usual unit value: green. */
export const GREEN_LINE: DeclarationLineInput = {
  date: '2021-02-01',
  office: 'O2',
  importer_id: 'I11',
  broker_id: 'B4',
  hs_code: '711311',
  origin_country: 'CN',
  customs_value: 3500,
  net_mass_kg: 50,
  duty_rate: 0.08,
};
