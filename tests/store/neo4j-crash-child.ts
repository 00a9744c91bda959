// Run by the Neo4j crash test as a separate process: begins an import, writes part of a file,
// says so on stdout and waits to be killed before it can commit.
import { openNeo4jStore } from '../../src/store/neo4j/index.ts';
import { neo4jOptions } from '../../bench/support/neo4j-target.ts';
import { syntheticBatches } from './synthetic-lines.ts';

const lines = Number(process.argv[2] ?? 3000);
const store = await openNeo4jStore(neo4jOptions());
const session = await store.beginImport({ fileHash: 'c'.repeat(64), fileName: 'crash.csv', rows: lines });
for (const batch of syntheticBatches({ lines, fileHash: 'c'.repeat(64) }, 500)) await session.write(batch);
process.stdout.write('WRITTEN\n');
setInterval(() => undefined, 60_000);
