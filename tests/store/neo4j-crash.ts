// A process killed in the middle of an import leaves no trace of the file on Neo4j, and the
// re-run writes it exactly once.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { nodeKey } from '../../src/model/index.ts';
import type { GraphCounts, GraphStore } from '../../src/store/graph-store.ts';
import type { Neo4jStoreOptions } from '../../src/store/neo4j/index.ts';
import { awaitIdleNeo4j } from '../../bench/support/neo4j-target.ts';
import { syntheticBatches } from './synthetic-lines.ts';

const CHILD = fileURLToPath(new URL('./neo4j-crash-child.ts', import.meta.url));
const LINES = 3000;
const HASH = 'c'.repeat(64);

/** What the file holds: distinct nodes per label and relationships per type. */
function expectedCounts(): GraphCounts {
  const nodes = new Map<string, Set<string>>();
  const rels = new Map<string, Set<string>>();
  for (const batch of syntheticBatches({ lines: LINES, fileHash: HASH }, 1000)) {
    for (const n of batch.nodes) nodes.set(n.label, (nodes.get(n.label) ?? new Set()).add(nodeKey(n)));
    for (const r of batch.rels) rels.set(r.type, (rels.get(r.type) ?? new Set()).add(r.id));
  }
  const size = (m: Map<string, Set<string>>) => Object.fromEntries([...m].map(([k, v]) => [k, v.size]));
  return { nodes: size(nodes), rels: size(rels) };
}

function killedMidImport(options: Neo4jStoreOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, String(LINES)], {
      env: {
        ...process.env,
        NEO4J_URI: options.uri,
        NEO4J_USER: options.user,
        NEO4J_PASSWORD: options.password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('WRITTEN')) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve()
        : reject(new Error(`crash child ended by itself (exit ${code}): ${stderr}`)),
    );
  });
}

async function importAll(store: GraphStore): Promise<void> {
  const session = await store.beginImport({ fileHash: HASH, fileName: 'crash.csv', rows: LINES });
  for (const batch of syntheticBatches({ lines: LINES, fileHash: HASH }, 500)) await session.write(batch);
  await session.commit();
}

export function describeCrash(options: Neo4jStoreOptions, open: () => Promise<GraphStore>): void {
  it('leaves nothing of a file whose import process was killed, and the re-run writes it once', async () => {
    await killedMidImport(options);
    // The killed process may have sent a chunk's commit the server is still applying.
    await awaitIdleNeo4j(options);
    const store = await open();
    try {
      expect(await store.counts()).toEqual({ nodes: {}, rels: {} });
      expect(await store.findImport(HASH)).toBeNull();
      await importAll(store);
      const expected = expectedCounts();
      expect(await store.counts()).toEqual(expected);
      await importAll(store);
      expect(await store.counts()).toEqual(expected);
      expect((await store.listImports()).map((i) => i.fileHash)).toEqual([HASH]);
    } finally {
      await store.close();
    }
  }, 240_000);
}
