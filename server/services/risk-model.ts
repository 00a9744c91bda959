// The risk model the server scores with: the file RINGSCOPE_RISK_MODEL names, read at boot and
// again on `POST /api/risk/model/reload`. At boot a file that cannot be read, of another schema
// version or changed after training stops the boot with model-file's message (what to do); on a
// reload the same problems answer 400 and the model in use stays. A swap is one assignment: a
// request scores with the model it started with, the next one with the new model.
import { readFileSync } from 'node:fs';
import type { RiskModelCard } from '../../src/api/risk-model.ts';
import { fromModelFile, type ModelFile } from '../../src/risk/model-file.ts';
import type { RiskModel } from '../../src/risk/model.ts';
import { ConfigError } from '../config.ts';
import { ApiError } from '../http/errors.ts';

export interface LoadedRiskModel {
  model: RiskModel;
  file: ModelFile;
  /** When this server read it (ISO 8601). */
  loadedAt: string;
}

/** Reads and checks the model file; throws an Error saying what is wrong and what to do. */
function readModel(path: string): LoadedRiskModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the model ${path}: ${(error as Error).message}`, { cause: error });
  }
  return { ...fromModelFile(json, path), loadedAt: new Date().toISOString() };
}

/** The model at `path`; null when none is configured. */
export function loadRiskModel(path: string | undefined): LoadedRiskModel | null {
  if (path === undefined) return null;
  try {
    return readModel(path);
  } catch (error) {
    throw new ConfigError(`RINGSCOPE_RISK_MODEL: ${(error as Error).message}`);
  }
}

export const noModel = () =>
  new ApiError(
    409,
    'no_model',
    'no risk model is loaded: run `ringscope train` and set RINGSCOPE_RISK_MODEL to the model file it writes',
  );

/** The model in use, swapped whole by reload(). */
export class ServedModel {
  private loaded: LoadedRiskModel | null;

  constructor(
    private readonly path: string | undefined,
    loaded: LoadedRiskModel | null = loadRiskModel(path),
  ) {
    this.loaded = loaded;
  }

  /** The model in use; null when none is loaded. */
  current(): LoadedRiskModel | null {
    return this.loaded;
  }

  /** The model in use; throws 409 no_model when none is loaded. */
  require(): LoadedRiskModel {
    if (!this.loaded) throw noModel();
    return this.loaded;
  }

  /**
   * Reads RINGSCOPE_RISK_MODEL's file again and, if it is a valid model, serves it from now on.
   * 409 when no file is configured, 400 with the reason when the file is unusable (the model in
   * use stays). Answers the previous model's content hash and the new card.
   */
  reload(): { previous: string | null; model: RiskModelCard } {
    if (this.path === undefined)
      throw new ApiError(
        409,
        'no_model_configured',
        'RINGSCOPE_RISK_MODEL is not set: set it to a model file written by `ringscope train` and restart',
      );
    let next: LoadedRiskModel;
    try {
      next = readModel(this.path);
    } catch (error) {
      throw new ApiError(
        400,
        'invalid_model',
        `the model in use is kept: RINGSCOPE_RISK_MODEL: ${(error as Error).message}`,
      );
    }
    const previous = this.loaded?.file.contentHash ?? null;
    this.loaded = next;
    return { previous, model: cardOf(next) };
  }

  /** The model card of the model in use; 409 no_model when none is loaded. */
  card(): RiskModelCard {
    return cardOf(this.require());
  }
}

export function cardOf({ file, model, loadedAt }: LoadedRiskModel): RiskModelCard {
  const data = file.trainingData;
  return {
    content_hash: file.contentHash,
    created_at: file.createdAt,
    loaded_at: loadedAt,
    schema_version: file.schemaVersion,
    features: file.features,
    network_features: model.plan.options.network === true,
    trees: model.trees.trees.length,
    lanes: file.lanes,
    metrics: file.metrics,
    training_data: {
      files: data.files.map((f) => ({ name: baseName(f.path), sha256: f.sha256 })),
      lines: data.lines,
      labelled: data.labelled,
      trained_on: data.trainedOn,
      held_out: data.heldOut,
      detection_run: data.detectionRun ?? null,
    },
  };
}

/** A training file's own name: the card does not show the server's folders. */
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
