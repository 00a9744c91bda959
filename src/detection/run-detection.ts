// The detection service the CLI and the server call: project the store, run every detector,
// score, and write the run back through the store as one DetectionRun.
import { createHash } from 'node:crypto';
import { projectDetectionView } from '../graph/projection.ts';
import type { DetectionView } from '../graph/view.ts';
import type { DetectionRun, Typology } from '../model/index.ts';
import type { AdministrationProfile } from '../model/profile.ts';
import { runDetectors, type Findings } from './run-detectors.ts';
import { chooseEngine, gdsPartition, type DetectionEngine } from './gds-engine.ts';
import type { GdsPartition } from '../store/neo4j/gds.ts';
import type { GraphStore } from '../store/graph-store.ts';

export interface DetectionProgress {
  phase: 'projection' | 'detector' | 'scoring' | 'writing';
  message: string;
}

export interface RunDetectionOptions {
  seed: number;
  /** The administration's facts the detectors read; the EU preset when absent. */
  profile?: AdministrationProfile;
  window?: { from: string | null; to: string | null };
  typologies?: readonly Typology[];
  onProgress?: (p: DetectionProgress) => void;
  /** Where communities are computed (gds-engine.ts); in-process when absent. */
  engine?: DetectionEngine;
  gdsMemoryLimitBytes?: number;
}

export interface DetectionOutcome {
  run: DetectionRun;
  findings: Findings;
  view: DetectionView;
  /** What Graph Data Science computed, when it ran. */
  gds: GdsPartition | null;
  timings: { projectionMs: number; detectionMs: number; totalMs: number };
}

/** How many lines the stored run keeps as targets: a tenth of all lines, at least 50,000. */
export function storedTargetCount(lines: number): number {
  return Math.max(50_000, Math.ceil(lines * 0.1));
}

export async function runDetection(
  store: GraphStore,
  options: RunDetectionOptions,
): Promise<DetectionOutcome> {
  const report = options.onProgress ?? (() => undefined);
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const engine = await chooseEngine(store, options.engine ?? 'in-process');
  const gds = engine
    ? await gdsPartition(store, engine, {
        seed: options.seed,
        window: options.window,
        memoryLimitBytes: options.gdsMemoryLimitBytes,
        onProgress: (message) => report({ phase: 'projection', message: `gds: ${message}` }),
      })
    : null;
  const view = await projectDetectionView(store, {
    ...(options.window ? { window: options.window } : {}),
    onProgress: (phase, done) =>
      report({ phase: 'projection', message: `${phase} ${done.toLocaleString('en')}` }),
  });
  if (gds) view.communities = gds.communities;
  const t1 = performance.now();
  report({
    phase: 'projection',
    message: `${view.graph.order.toLocaleString('en')} parties, ${view.graph.size.toLocaleString('en')} links, ${view.lines.size.toLocaleString('en')} lines in ${((t1 - t0) / 1000).toFixed(1)} s`,
  });
  const findings = runDetectors(view, {
    seed: options.seed,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.typologies ? { typologies: options.typologies } : {}),
    targeting: { limit: storedTargetCount(view.lines.size) },
    onDetector: (typology, index, total, ms) =>
      report({
        phase: 'detector',
        message:
          ms === null
            ? `[${index + 1}/${total}] ${typology}…`
            : `[${index}/${total}] ${typology} done in ${(ms / 1000).toFixed(2)} s`,
      }),
  });
  const t2 = performance.now();
  const finishedAt = new Date().toISOString();
  const runId = `run-${createHash('sha256')
    .update(`${startedAt}\n${options.seed}\n${findings.rings.map((r) => r.id).join(',')}`)
    .digest('hex')
    .slice(0, 12)}`;
  const { rings, parties, targets, leads } = findings;
  const run: DetectionRun = {
    runId,
    startedAt,
    finishedAt,
    seed: options.seed,
    rings,
    parties,
    targets,
    leads,
  };
  report({
    phase: 'writing',
    message: `writing ${rings.length} rings, ${leads.length} leads, ${parties.length} parties, ${targets.length} targets`,
  });
  await store.writeFindings(run);
  return {
    run,
    findings,
    view,
    gds,
    timings: { projectionMs: t1 - t0, detectionMs: t2 - t1, totalMs: performance.now() - t0 },
  };
}
