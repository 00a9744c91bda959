// The order in which a Neo4j import sends its work, against a scripted executor (no Neo4j
// needed): a chunk's statements go out while the chunk before commits, except those that link to
// a node that chunk created, which Neo4j could not see yet; a chunk's claim comes last, before
// its commit; a failed commit fails the import even while the next chunk is being written again.
// Each commit here waits until the test lets it finish.
import { describe, expect, it } from 'vitest';
import { rel } from '../../src/ingest/row-graph.ts';
import type { GraphNode } from '../../src/model/index.ts';
import type { Query } from '../../src/store/neo4j/cypher.ts';
import type { CypherExecutor, OpenTransaction } from '../../src/store/neo4j/executor.ts';
import { Neo4jImport } from '../../src/store/neo4j/imports.ts';
import { Neo4jError } from 'neo4j-driver';
import type { Record as Neo4jRecord } from 'neo4j-driver';

const HASH = 'f'.repeat(64);

function node(label: GraphNode['label'], id: string): GraphNode {
  return { label, id, props: {}, source: { file: HASH, row: 1 } };
}

function record(values: Record<string, unknown>): Neo4jRecord {
  return { get: (key: string) => values[key] } as unknown as Neo4jRecord;
}

/** Runs nothing; logs what is sent, per transaction, and holds every commit until released. */
class ScriptedNeo4j {
  readonly log: string[] = [];
  private readonly commits: ((outcome?: Error) => void)[] = [];
  /** Statements to fail, by transaction and query name (`tx2 write/create-nodes`). */
  readonly failing = new Map<string, Error>();
  /** Called when a transaction is rolled back. */
  onRollback: (tx: string) => void = () => undefined;
  private transactions = 0;

  readonly executor = {
    read: (q: Query) => Promise.resolve(q.name === 'imports/state' ? [record({ discarded: false })] : []),
    write: () => Promise.resolve([]),
    autoCommit: () => Promise.resolve([]),
    begin: (): Promise<OpenTransaction> => {
      const tx = `tx${++this.transactions}`;
      this.log.push(`${tx} begin`);
      return Promise.resolve({
        run: (q: Query) => {
          this.log.push(`${tx} ${q.name}`);
          const failure = this.failing.get(`${tx} ${q.name}`);
          if (failure) return Promise.reject(failure);
          const rows =
            q.name === 'imports/claim'
              ? [record({ importId: 1 })]
              : [record({ merged: Number.MAX_SAFE_INTEGER })];
          return Promise.resolve(q.name.startsWith('write/') || q.name === 'imports/claim' ? rows : []);
        },
        commit: () => {
          this.log.push(`${tx} commit`);
          return new Promise<void>((resolve, reject) =>
            this.commits.push((outcome) => {
              this.log.push(`${tx} ${outcome ? 'failed' : 'committed'}`);
              if (outcome) reject(outcome);
              else resolve();
            }),
          );
        },
        rollback: () => {
          this.log.push(`${tx} rollback`);
          this.onRollback(tx);
          return Promise.resolve();
        },
      });
    },
  } as unknown as CypherExecutor;

  /** Lets the oldest commit sent finish, or fail with `error`. */
  releaseCommit(error?: Error): void {
    const release = this.commits.shift();
    if (!release) throw new Error('no commit is waiting');
    release(error);
  }
}

/** Lets every continuation that waits for nothing but promises run (no timer involved). */
function settled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function openImport(neo4j: ScriptedNeo4j): Promise<Neo4jImport> {
  // Every write fills its chunk, so every write commits one.
  return Neo4jImport.open(
    neo4j.executor,
    { fileHash: HASH, fileName: 'lines.csv', rows: 2 },
    () => undefined,
    { chunkRows: 1 },
  );
}

describe('Neo4j import: what overlaps a commit', () => {
  const importer = node('Importer', 'IM-1');
  const broker = node('Broker', 'BR-1');

  it('claims each chunk last, then sends the next chunk while that chunk commits', async () => {
    const neo4j = new ScriptedNeo4j();
    const session = await openImport(neo4j);
    await session.write({ nodes: [importer], rels: [] });
    expect(neo4j.log).toEqual(['tx1 begin', 'tx1 write/create-nodes', 'tx1 imports/claim', 'tx1 commit']);
    // A line linking to the broker only: nothing of it waits for the importer's commit.
    const line = node('Shipment', 'D1/1');
    const writing = session.write({ nodes: [broker, line], rels: [rel('DECLARED_BY', line, broker)] });
    await settled();
    expect(neo4j.log.slice(4)).toEqual([
      'tx2 begin',
      'tx2 write/create-nodes',
      'tx2 write/create-nodes',
      'tx2 write/create-rels',
      'tx2 imports/claim',
    ]);
    neo4j.releaseCommit();
    await writing;
    expect(neo4j.log.slice(9)).toEqual(['tx1 committed', 'tx2 commit']);
    neo4j.releaseCommit();
  });

  it('sends a batch that links to a node of the committing chunk only once that chunk has committed', async () => {
    const neo4j = new ScriptedNeo4j();
    const session = await openImport(neo4j);
    await session.write({ nodes: [importer], rels: [] });
    const line = node('Shipment', 'D1/2');
    const writing = session.write({ nodes: [line], rels: [rel('IMPORTED_BY', line, importer)] });
    await settled();
    // Sent now, its link would not find the importer: Neo4j does not show it before the commit.
    expect(neo4j.log.slice(4)).toEqual([]);
    neo4j.releaseCommit();
    await settled();
    expect(neo4j.log.slice(4)).toEqual([
      'tx1 committed',
      'tx2 begin',
      'tx2 write/create-nodes',
      'tx2 imports/claim',
      'tx2 commit',
    ]);
    neo4j.releaseCommit();
    await writing;
  });

  it('fails the import when a chunk failed to commit while the next one was written again with MERGE', async () => {
    const neo4j = new ScriptedNeo4j();
    const session = await openImport(neo4j);
    await session.write({ nodes: [importer], rels: [] });
    // The next chunk takes a broker for new, which exists: its CREATE fails on the key, so the
    // chunk is written again with MERGE; meanwhile the importer's chunk fails to commit.
    neo4j.failing.set(
      'tx2 write/create-nodes',
      new Neo4jError('exists', 'Neo.ClientError.Schema.ConstraintValidationFailed', '22N41', 'error'),
    );
    // The commit fails just as the failed chunk is rolled back, before it is written again.
    neo4j.onRollback = (tx) => {
      if (tx === 'tx2') neo4j.releaseCommit(new Error('the server went away'));
    };
    await expect(session.write({ nodes: [broker], rels: [] })).rejects.toThrow(/went away/);
    expect(neo4j.log).toContain('tx1 failed');
    expect(neo4j.log).not.toContain('tx3 write/merge-nodes');
  });
});
