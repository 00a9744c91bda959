// Which engine computes communities and identifier components for a detection run: Graph Data
// Science inside Neo4j, or Louvain in this process. `auto` takes GDS when the store is Neo4j and
// GDS answers. GDS refusing (not installed, or the estimate does not fit the heap) is bad input
// for the run: a GdsError (the CLI exits 2), nothing changed.
import { aliasMap } from '../graph/aliases.ts';
import { PROJECTION_DEFAULTS } from '../graph/projection.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { GdsError, gdsEngineOf, type GdsEngine, type GdsPartition } from '../store/neo4j/gds.ts';

export const DETECTION_ENGINES = ['auto', 'gds', 'in-process'] as const;
export type DetectionEngine = (typeof DETECTION_ENGINES)[number];

export interface GdsStepOptions {
  seed: number;
  window?: { from: string | null; to: string | null } | undefined;
  /** For tests and small servers: refuse above this many bytes instead of the free heap. */
  memoryLimitBytes?: number | undefined;
  onProgress?: ((message: string) => void) | undefined;
}

/** The GDS engine the run should use, null for in-process; GdsError when `gds` cannot be had. */
export async function chooseEngine(store: GraphStore, engine: DetectionEngine): Promise<GdsEngine | null> {
  if (engine === 'in-process') return null;
  const gds = gdsEngineOf(store);
  if (!gds) {
    if (engine === 'auto') return null;
    throw new GdsError(
      'unavailable',
      '--engine gds needs a Neo4j store with Graph Data Science (--neo4j bolt://…)',
    );
  }
  try {
    await gds.server();
    return gds;
  } catch (error) {
    if (engine === 'auto' && error instanceof GdsError) return null;
    throw error;
  }
}

/**
 * Leiden communities and identifier components computed in Neo4j, with the in-process weights
 * and the in-process alias map: each group of accepted SAME_AS parties is one node, named by its
 * representative, as in the view the detectors read.
 */
export async function gdsPartition(
  store: GraphStore,
  gds: GdsEngine,
  options: GdsStepOptions,
): Promise<GdsPartition> {
  return gds.run({
    aliases: aliasMap(await store.sameAsPairs()),
    seed: options.seed,
    resolution: 1,
    window: options.window ?? PROJECTION_DEFAULTS.window,
    maxIdentifierHolders: PROJECTION_DEFAULTS.maxIdentifierHolders,
    linkWeights: PROJECTION_DEFAULTS.linkWeights,
    ...(options.memoryLimitBytes !== undefined ? { memoryLimitBytes: options.memoryLimitBytes } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
