// The risk model the server scores with: the file RINGSCOPE_RISK_MODEL names, read once at boot.
// A file that cannot be read, of another schema version or changed after training stops the
// boot with model-file's message (what to do), instead of failing on the first declaration.
import { readFileSync } from 'node:fs';
import { fromModelFile, type ModelFile } from '../../src/risk/model-file.ts';
import type { RiskModel } from '../../src/risk/model.ts';
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
  try {
    return fromModelFile(json, path);
  } catch (error) {
    throw new ConfigError(`RINGSCOPE_RISK_MODEL: ${(error as Error).message}`);
  }
}
