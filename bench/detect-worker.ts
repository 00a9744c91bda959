// One detection measured in a fresh process (so its peak memory is its own): projection, our
// seeded weighted Louvain, graphology-communities-louvain alone on the same graph, and the full
// detection. Prints one JSON line. Run by detect.bench.ts: `tsx bench/detect-worker.ts DB`.
import louvainModule from 'graphology-communities-louvain';
import { partition } from '../src/detectors/communities.ts';
import { projectDetectionView } from '../src/graph/projection.ts';
import { runDetectors } from '../src/scoring/run.ts';
import { openStore } from '../src/store/open.ts';

const louvain = louvainModule as unknown as typeof louvainModule.default;
const db = process.argv[2];
if (!db) throw new Error('usage: detect-worker.ts DB');

const store = await openStore({ db });
const t0 = performance.now();
const view = await projectDetectionView(store);
const projectionMs = performance.now() - t0;
const t1 = performance.now();
partition(view.graph, { seed: 1 });
const louvainMs = performance.now() - t1;
const t2 = performance.now();
louvain(view.graph);
const baselineLouvainMs = performance.now() - t2;
const t3 = performance.now();
const findings = runDetectors(view, { seed: 1 });
const detectorsMs = performance.now() - t3;
await store.close();
process.stdout.write(
  `${JSON.stringify({
    lines: view.lines.size,
    parties: view.graph.order,
    links: view.graph.size,
    rings: findings.rings.length,
    projectionMs,
    louvainMs,
    baselineLouvainMs,
    detectorsMs,
    totalMs: projectionMs + detectorsMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
