// The risk model the server scores with: the file RINGSCOPE_RISK_MODEL names, or, when it is not
// set, the store's current model (the one `ringscope --db PATH train` keeps there). Read at boot
// and again on `POST /api/risk/model/reload`, so training into the store and a reload serve the
// new model without a restart. Either source is checked the same way (kind, schema version,
// content hash): at boot a model that cannot be used stops the boot with model-file's message
// (what to do); on a reload the same problems answer 400 and the model in use stays. A swap is
// one assignment: a request scores with the model it started with, the next one with the new one.
import { readFileSync } from 'node:fs';
import type { RiskModelCard } from '../../src/api/risk-model.ts';
import { fromModelFile, type ModelFile } from '../../src/risk/model-file.ts';
import type { RiskModel } from '../../src/risk/model.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { ConfigError } from '../config.ts';
import { ApiError } from '../http/errors.ts';

/** Where the served model comes from: a file, or the store's current model. */
export type ModelSource = { kind: 'file'; path: string } | { kind: 'store' };

export interface LoadedRiskModel {
  model: RiskModel;
  file: ModelFile;
  /** When this server read it (ISO 8601). */
  loadedAt: string;
  /** Where it was read from. */
  source: ModelSource;
}

const STORED = "the store's current model";

/** Reads and checks the model file; throws an Error saying what is wrong and what to do. */
function readModel(path: string): LoadedRiskModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the model ${path}: ${(error as Error).message}`, { cause: error });
  }
  return { ...fromModelFile(json, path), loadedAt: new Date().toISOString(), source: { kind: 'file', path } };
}

/** The store's current model, checked as a file is; null when the store keeps none. */
async function readStoredModel(store: Pick<GraphStore, 'currentRiskModel'>): Promise<LoadedRiskModel | null> {
  const record = await store.currentRiskModel();
  if (record === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(record.json);
  } catch (error) {
    throw new Error(`cannot read ${STORED}: ${(error as Error).message}`, { cause: error });
  }
  const loaded = fromModelFile(json, STORED);
  if (loaded.file.contentHash !== record.contentHash)
    throw new Error(
      `${STORED} is kept under ${record.contentHash} but its content hashes to ${loaded.file.contentHash}: retrain it`,
    );
  return { ...loaded, loadedAt: new Date().toISOString(), source: { kind: 'store' } };
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
    'no risk model is loaded: run `ringscope --db PATH train` to keep one in the store, then POST ' +
      '/api/risk/model/reload (or set RINGSCOPE_RISK_MODEL to a model file and restart)',
  );

/** The model in use, swapped whole by reload(). */
export class ServedModel {
  private loaded: LoadedRiskModel | null;
  private readonly swapListeners: ((loaded: LoadedRiskModel) => void)[] = [];
  /** The first read of the store's model, once; settled for a file or a given model. */
  private first: Promise<void>;

  /**
   * With a path, that file (read now); without one, the store's current model (read by ready(),
   * which the boot awaits, or by the first request that needs it).
   */
  constructor(
    private readonly path: string | undefined,
    loaded: LoadedRiskModel | null = loadRiskModel(path),
    private readonly store: Pick<GraphStore, 'currentRiskModel'> | null = null,
  ) {
    this.loaded = loaded;
    this.first = Promise.resolve();
    if (path === undefined && loaded === null && store !== null) this.first = this.readStore();
  }

  private async readStore(): Promise<void> {
    try {
      this.loaded = await readStoredModel(this.store!);
    } catch (error) {
      throw new ConfigError(`${(error as Error).message} (RINGSCOPE_RISK_MODEL is not set)`);
    }
  }

  /** Resolves once the model is read; rejects with a ConfigError when it cannot be used. */
  async ready(): Promise<LoadedRiskModel | null> {
    await this.first;
    return this.loaded;
  }

  /** Calls `listener` with each model a reload swaps in (the scoring thread prepares it at once). */
  onSwap(listener: (loaded: LoadedRiskModel) => void): void {
    this.swapListeners.push(listener);
  }

  /** The model in use; null when none is loaded. */
  current(): LoadedRiskModel | null {
    return this.loaded;
  }

  /** The model in use; throws 409 no_model when none is loaded. */
  async require(): Promise<LoadedRiskModel> {
    await this.first;
    if (!this.loaded) throw noModel();
    return this.loaded;
  }

  /**
   * Reads the model again (RINGSCOPE_RISK_MODEL's file, else the store's current model) and, if
   * it is valid, serves it from now on. 400 with the reason when it is unusable, 409 no_model
   * when the store keeps none (the model in use stays). Answers the previous model's content
   * hash and the new card.
   */
  async reload(): Promise<{ previous: string | null; model: RiskModelCard }> {
    await this.first.catch(() => undefined);
    let next: LoadedRiskModel | null;
    try {
      next = this.path !== undefined ? readModel(this.path) : await this.storedOrNone();
    } catch (error) {
      const where = this.path !== undefined ? 'RINGSCOPE_RISK_MODEL: ' : '';
      throw new ApiError(
        400,
        'invalid_model',
        `the model in use is kept: ${where}${(error as Error).message}`,
      );
    }
    if (next === null) throw noModel();
    const previous = this.loaded?.file.contentHash ?? null;
    this.loaded = next;
    for (const listener of this.swapListeners) listener(next);
    return { previous, model: cardOf(next) };
  }

  private storedOrNone(): Promise<LoadedRiskModel | null> {
    return this.store === null ? Promise.resolve(null) : readStoredModel(this.store);
  }

  /** The model card of the model in use; 409 no_model when none is loaded. */
  async card(): Promise<RiskModelCard> {
    return cardOf(await this.require());
  }
}

export function cardOf({ file, model, loadedAt, source }: LoadedRiskModel): RiskModelCard {
  const data = file.trainingData;
  return {
    content_hash: file.contentHash,
    created_at: file.createdAt,
    loaded_at: loadedAt,
    source: source.kind === 'store' ? { kind: 'store' } : { kind: 'file', name: baseName(source.path) },
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

/** A file's own name: the card does not show the server's folders. */
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
