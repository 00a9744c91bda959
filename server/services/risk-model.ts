// The risk model the server scores with: the file RINGSCOPE_RISK_MODEL names, read once at boot.
// A file that cannot be read, of another schema version or changed after training stops the
// boot with model-file's message (what to do), instead of failing on the first declaration.
import { readFileSync } from 'node:fs';
import { fromModelFile, type ModelFile } from '../../src/risk/model-file.ts';
import type { RiskModel } from '../../src/risk/model.ts';
import { NETWORK_FEATURES } from '../../src/risk/network.ts';
import { ConfigError } from '../config.ts';

export interface LoadedRiskModel {
  model: RiskModel;
  file: ModelFile;
}

/** The model at `path`; null when none is configured. */
export function loadRiskModel(path: string | undefined): LoadedRiskModel | null {
  if (path === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`RINGSCOPE_RISK_MODEL: cannot read the model ${path}: ${(error as Error).message}`);
  }
  let loaded: LoadedRiskModel;
  try {
    loaded = fromModelFile(json, path);
  } catch (error) {
    throw new ConfigError(`RINGSCOPE_RISK_MODEL: ${(error as Error).message}`);
  }
  // Scoring without the features it was trained with would shift every score without a word.
  if (loaded.model.plan.options.network) {
    throw new ConfigError(
      `RINGSCOPE_RISK_MODEL: ${path} was trained with network features (${NETWORK_FEATURES.join(', ')}), ` +
        'which the API does not supply yet: train the served model without --db/--neo4j',
    );
  }
  return loaded;
}
