// One detection on the Neo4j store at NEO4J_URI with the engine given, measured in a fresh
// process so the peak heap is its own: GDS, projection and detectors, findings not written
// (writing replaces the previous run's findings and is the same for both engines).
// `npx tsx bench/gds-detect.ts gds|in-process` prints one JSON line.
import { runDetection } from '../src/detection/run-detection.ts';
import { openNeo4jStore } from '../src/store/neo4j/index.ts';
import { neo4jOptions } from './support/neo4j-target.ts';

const engine = process.argv[2];
if (engine !== 'gds' && engine !== 'in-process') throw new Error('usage: gds-detect.ts gds|in-process');
let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
};
const sampler = setInterval(sample, 50);
const store = await openNeo4jStore(neo4jOptions());
store.writeFindings = () => Promise.resolve();
const cpu = process.cpuUsage();
const outcome = await runDetection(store, { seed: 1, engine });
const used = process.cpuUsage(cpu);
sample();
clearInterval(sampler);
await store.close();
const gds = outcome.gds;
process.stdout.write(
  `${JSON.stringify({
    engine,
    parties: outcome.view.graph.order,
    rings: outcome.findings.rings.length,
    communityRings: outcome.findings.counts.community,
    totalS: +(outcome.timings.totalMs / 1000).toFixed(1),
    nodeCpuS: +((used.user + used.system) / 1e6).toFixed(1),
    peakHeapMb: Math.round(peak / 2 ** 20),
    gds: gds && {
      estimateMb: +(gds.estimatedBytes / 2 ** 20).toFixed(1),
      countS: +(gds.millis.count / 1000).toFixed(1),
      projectS: +(gds.millis.project / 1000).toFixed(1),
      leidenS: +(gds.millis.leiden / 1000).toFixed(1),
      wccS: +(gds.millis.wcc / 1000).toFixed(1),
    },
    load: (await import('node:os')).loadavg().map((l) => +l.toFixed(1)),
  })}\n`,
);
