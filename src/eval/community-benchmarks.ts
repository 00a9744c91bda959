// Community-detection benchmarks: every `NAME.edges` (tab- or space-separated node pairs) with
// its `NAME.clusters` (node, ground-truth community) in a folder, scored by NMI and ARI.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { z } from 'zod';
import { adjustedRandIndex, normalizedMutualInformation, type Partition } from './partition-metrics.ts';

export const COMMUNITY_REPORT_VERSION = 1;

export const CommunityReport = z
  .object({
    version: z.literal(COMMUNITY_REPORT_VERSION),
    graphs: z.array(
      z
        .object({
          name: z.string(),
          nodes: z.number().int(),
          edges: z.number().int(),
          communitiesTruth: z.number().int(),
          communitiesFound: z.number().int(),
          /** Nodes with both a ground-truth and a found community (the items scored). */
          nodesScored: z.number().int(),
          nmi: z.number().min(0).max(1),
          ari: z.number().min(-1).max(1),
        })
        .strict(),
    ),
  })
  .strict();
export type CommunityReport = z.infer<typeof CommunityReport>;

/** Finds communities in an undirected graph: node key → community. */
export type CommunityFinder = (graph: AbstractGraph) => Partition;

/** Pairs of whitespace-separated fields, one per non-empty, non-comment line. */
function pairsOf(text: string, file: string): [string, string][] {
  const out: [string, string][] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('%')) return;
    const [a, b] = line.split(/\s+/);
    if (a === undefined || b === undefined)
      throw new Error(
        `${file}, line ${i + 1}: expected two fields (node and node, or node and community), got ${JSON.stringify(raw)}`,
      );
    out.push([a, b]);
  });
  return out;
}

export async function readBenchmark(
  dir: string,
  name: string,
): Promise<{ graph: UndirectedGraph; truth: Map<string, string> }> {
  const edgesFile = join(dir, `${name}.edges`);
  const clustersFile = join(dir, `${name}.clusters`);
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (const [a, b] of pairsOf(await readFile(edgesFile, 'utf8'), edgesFile)) {
    if (a === b) continue;
    graph.mergeNode(a);
    graph.mergeNode(b);
    graph.mergeEdge(a, b);
  }
  const truth = new Map(pairsOf(await readFile(clustersFile, 'utf8'), clustersFile));
  return { graph, truth };
}

/** Names with both files in the folder, sorted. */
export async function benchmarkNames(dir: string): Promise<string[]> {
  const files = new Set(await readdir(dir));
  const names = [...files]
    .filter((f) => f.endsWith('.edges'))
    .map((f) => f.slice(0, -'.edges'.length))
    .filter((n) => files.has(`${n}.clusters`));
  if (names.length === 0)
    throw new Error(
      `${dir}: no NAME.edges with a matching NAME.clusters; see datasets/community-benchmarks for the layout`,
    );
  return names.sort();
}

export async function scoreCommunities(dir: string, find: CommunityFinder): Promise<CommunityReport> {
  const graphs: CommunityReport['graphs'] = [];
  for (const name of await benchmarkNames(dir)) {
    const { graph, truth } = await readBenchmark(dir, name);
    const found = find(graph);
    graphs.push({
      name,
      nodes: graph.order,
      edges: graph.size,
      communitiesTruth: new Set(truth.values()).size,
      communitiesFound: new Set(found.values()).size,
      nodesScored: [...truth.keys()].filter((k) => found.has(k)).length,
      nmi: normalizedMutualInformation(truth, found),
      ari: adjustedRandIndex(truth, found),
    });
  }
  return CommunityReport.parse({ version: COMMUNITY_REPORT_VERSION, graphs });
}
