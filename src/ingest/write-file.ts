// Second pass of an import: writes the planned nodes and relationships of a validated file in
// batches through one import session, which commits as a whole or leaves the store untouched.
// A relationship reaching a node that a later row of the file writes (a director listed below
// the firm naming it) is held back until every row's node is written.
import type { GraphNode, GraphRel } from '../model/index.ts';
import type { GraphStore, ImportRecord } from '../store/graph-store.ts';
import type { Progress } from './progress.ts';
import { link } from './row-graph.ts';
import type { ValidatedFile } from './validate-file.ts';

export interface WriteCounts {
  nodes: number;
  rels: number;
  record: ImportRecord;
  /** Milliseconds inside the store (writes and commit), the rest being mapping and reading back. */
  storeMs: number;
}

// A multiple of the store's rows per statement, so few rows are left to write one by one; small,
// so a batch's nodes and relationships die young (4,096 cost ~20% more CPU in the write pass).
// 1,024, measured in alternated runs of `RINGSCOPE_BENCH_NEO4J=ingest npm run bench -- neo4j`
// (fewer, larger statements): 4% faster on Neo4j than 512, which was 4% faster than 256, and 2,048
// slower again in every pair; on the embedded store 1,024 is as fast as 512 (`npm run bench -- ingest`).
export const WRITE_BATCH_ROWS = 1024;

/**
 * A test hook, inert in production: unless the environment sets
 * RINGSCOPE_TEST_PAUSE_AFTER_BATCHES=N (read once, when this module loads), nothing pauses. With it
 * set, an import that has written N batches says so on stderr and waits, its session still open,
 * so a test can kill the process at a known point half way through writing.
 */
const PAUSE_AFTER_BATCHES = pauseAfterBatches(process.env.RINGSCOPE_TEST_PAUSE_AFTER_BATCHES);

/** The line written to stderr when the hook pauses an import. */
export const TEST_PAUSE_MARKER = 'ringscope: paused for a test';

function pauseAfterBatches(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const batches = Number(value);
  if (!Number.isInteger(batches) || batches < 1) {
    throw new Error(`RINGSCOPE_TEST_PAUSE_AFTER_BATCHES must be a whole number from 1 (got ${value})`);
  }
  return batches;
}

/** Waits for ever (until the process is killed) once `batches` reaches the hook's count. */
async function pauseForTest(batches: number, written: { nodes: number; rels: number }): Promise<void> {
  if (batches !== PAUSE_AFTER_BATCHES) return;
  process.stderr.write(
    `${TEST_PAUSE_MARKER} after ${batches} write batches (${written.nodes} nodes, ${written.rels} relationships)\n`,
  );
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}

export async function writeFile(
  store: GraphStore,
  file: ValidatedFile,
  progress: Progress,
): Promise<WriteCounts> {
  if (!file.kind) throw new Error(`${file.path} has no recognised layout`);
  const session = await store.beginImport({ fileHash: file.fileHash, fileName: file.path, rows: file.rows });
  let nodes: GraphNode[] = [];
  let rels: GraphRel[] = [];
  const waiting: GraphRel[] = [];
  let written = { nodes: 0, rels: 0 };
  let batches = 0;
  let storeMs = 0;
  // A thunk, not a promise: a store may do its work before handing back the promise.
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      storeMs += performance.now() - started;
    }
  };
  const flush = async (): Promise<void> => {
    if (nodes.length === 0 && rels.length === 0) return;
    await timed(() => session.write({ nodes, rels }));
    written = { nodes: written.nodes + nodes.length, rels: written.rels + rels.length };
    nodes = [];
    rels = [];
    batches += 1;
    await pauseForTest(batches, written);
  };
  progress.update('writing', 0, 0);
  try {
    for (const shared of file.plan.sharedNodes()) {
      nodes.push({
        ...shared,
        source: shared.source ? { file: file.fileHash, row: shared.source.row } : null,
      });
      if (nodes.length >= WRITE_BATCH_ROWS * 4) await flush();
    }
    await flush();
    let rows = 0;
    const total = file.plan.ownedCount;
    for await (const planned of file.plan.batches(WRITE_BATCH_ROWS * 16)) {
      for (const { row, node, ends, writesNode } of planned) {
        rows += 1;
        if (writesNode) {
          nodes.push({
            label: node.label,
            id: node.id,
            props: node.props,
            source: { file: file.fileHash, row },
          });
        }
        for (const end of ends) {
          const r = link(node, end);
          if (file.plan.writesAfter(end, row)) waiting.push(r);
          else rels.push(r);
        }
        if (rows % WRITE_BATCH_ROWS === 0) {
          await flush();
          progress.update('writing', rows, Math.min(1, rows / total));
        }
      }
    }
    await flush();
    for (let i = 0; i < waiting.length; i += WRITE_BATCH_ROWS) {
      rels = waiting.slice(i, i + WRITE_BATCH_ROWS);
      await flush();
    }
    const record = await timed(() => session.commit());
    progress.update('writing', rows, 1);
    return { ...written, record, storeMs: Math.round(storeMs) };
  } catch (error) {
    await session.abort();
    throw error;
  }
}
