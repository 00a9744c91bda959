// The ingest and detection pipelines the job routes run, loaded from src/ingest and
// src/detectors when this build has them.
import type { Pipelines } from './services/index.ts';

export function defaultPipelines(): Promise<Pipelines | null> {
  // Wired to the ingest and detection entry points when those land.
  return Promise.resolve(null);
}
