// Child process for the crash test: commits one small import, then begins a second, writes a
// few thousand lines of it, says "writing" on stdout and waits to be killed before commit.
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import { relId } from '../../src/model/index.ts';
import type { GraphNode, GraphRel } from '../../src/model/index.ts';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: kill-writer.ts STORE_PATH');
const store = await openEmbeddedStore(path);
await store.init();

const committed = await store.beginImport({ fileHash: '1'.repeat(64), fileName: 'committed.csv', rows: 1 });
await committed.write({
  nodes: [{ label: 'Importer', id: 'KEPT', props: { name: 'Kept' }, source: null }],
  rels: [],
});
await committed.commit();

const session = await store.beginImport({ fileHash: '2'.repeat(64), fileName: 'killed.csv', rows: 5000 });
for (let batch = 0; batch < 10; batch += 1) {
  const nodes: GraphNode[] = [];
  const rels: GraphRel[] = [];
  for (let i = 0; i < 500; i += 1) {
    const line = batch * 500 + i;
    const importer = { label: 'Importer' as const, id: `IM-${line % 50}` };
    const shipment = { label: 'Shipment' as const, id: `K${line}/1` };
    nodes.push({ ...importer, props: { name: `Firm ${line % 50}` }, source: null });
    nodes.push({
      ...shipment,
      props: { declarationId: `K${line}`, line: 1, date: '2024-01-01', hsCode: '0101', customsValue: line },
      source: null,
    });
    rels.push({
      id: relId('IMPORTED_BY', shipment, importer),
      type: 'IMPORTED_BY',
      from: shipment,
      to: importer,
      props: {},
    });
  }
  await session.write({ nodes, rels });
}
process.stdout.write('writing\n');
// Keep the import open until the parent kills this process.
setInterval(() => undefined, 60_000);
