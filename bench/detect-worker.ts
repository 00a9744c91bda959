// One detection measured in a fresh process (so its peak memory is its own): projection, our
// seeded weighted Louvain, graphology-communities-louvain alone on the same graph, and the full
// detection. Prints one JSON line. Run by detect.bench.ts: `tsx bench/detect-worker.ts DB`.
import louvainModule from 'graphology-communities-louvain';
import { partition } from '../src/detectors/communities.ts';
import { projectDetectionView } from '../src/graph/projection.ts';
import { runDetectors } from '../src/detection/run-detectors.ts';
import { openStore } from '../src/store/open.ts';

const louvain = louvainModule as unknown as typeof louvainModule.default;
const db = process.argv[2];
if (!db) throw new Error('usage: detect-worker.ts DB');

/**
 * Wall and CPU (user + system, of every thread: the projection's line reader thread too)
 * milliseconds of one phase: on a shared machine CPU time is the steadier figure.
 */
async function timed<T>(phase: () => T | Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await phase();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
}

const store = await openStore({ db });
const projection = await timed(() => projectDetectionView(store));
const view = projection.value;
const ours = await timed(() => partition(view.graph, { seed: 1 }));
const baseline = await timed(() => louvain(view.graph));
const detection = await timed(() => runDetectors(view, { seed: 1 }));
const findings = detection.value;
await store.close();
process.stdout.write(
  `${JSON.stringify({
    lines: view.lines.size,
    parties: view.graph.order,
    links: view.graph.size,
    rings: findings.rings.length,
    projectionMs: projection.ms,
    projectionCpuMs: projection.cpuMs,
    louvainMs: ours.ms,
    louvainCpuMs: ours.cpuMs,
    baselineLouvainMs: baseline.ms,
    baselineLouvainCpuMs: baseline.cpuMs,
    detectorsMs: detection.ms,
    detectorsCpuMs: detection.cpuMs,
    totalMs: projection.ms + detection.ms,
    totalCpuMs: projection.cpuMs + detection.cpuMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
