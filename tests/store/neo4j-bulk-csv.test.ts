// The import files of `ingest --bulk` (src/store/neo4j/bulk-csv.ts): what the importer reads
// must give each node the properties the driver path gives it (encode.ts), typed per column.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphNode, GraphRel } from '../../src/model/index.ts';
import { nodeProperties, writeImportFiles } from '../../src/store/neo4j/bulk-csv.ts';

function from<T>(items: readonly T[]): AsyncIterable<T> {
  return (async function* () {
    for (const item of items) yield await Promise.resolve(item);
  })();
}

const line: GraphNode = {
  label: 'Shipment',
  id: '2400000001/1',
  props: {
    declarationId: '2400000001',
    line: 1,
    date: '2024-01-01',
    customsValue: 33187.19,
    quantity: 3914,
    inspected: true,
    office: null,
  },
  source: { file: 'a'.repeat(64), row: 7 },
};
const importer: GraphNode = {
  label: 'Importer',
  id: 'IM-1',
  props: { name: 'Kareon "Goods"\nB.V.', _kind: 'x' },
  source: null,
};
const rel = (to: string, props: GraphRel['props']): GraphRel => ({
  id: `IMPORTED_BY|Shipment:2400000001/1|Importer:${to}`,
  type: 'IMPORTED_BY',
  from: { label: 'Shipment', id: '2400000001/1' },
  to: { label: 'Importer', id: to },
  props,
});

describe('bulk import files', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringscope-bulk-csv-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives a node the properties the driver path creates it with', () => {
    expect(nodeProperties(line)).toEqual([
      ['key', 'Shipment:2400000001/1'],
      ['id', '2400000001/1'],
      ['_sourceFile', 'a'.repeat(64)],
      ['_sourceRow', 7],
      ['declarationId', '2400000001'],
      ['line', 1],
      ['date', '2024-01-01'],
      ['_props', '{"customsValue":33187.19,"quantity":3914,"inspected":true}'],
    ]);
    expect(nodeProperties(importer)).toEqual([
      ['key', 'Importer:IM-1'],
      ['id', 'IM-1'],
      ['_nameKey', 'kareon "goods"\nb.v.'],
      ['name', 'Kareon "Goods"\nB.V.'],
      ['_props', '{"_kind":"x"}'],
    ]);
  });

  it('writes one file per header, values typed and quoted, and says when a value spans lines', async () => {
    const plan = await writeImportFiles(dir, {
      nodes: from([line, importer]),
      rels: from([rel('IM-1', {}), rel('IM-2', { share: 0.5, since: 2020 })]),
      imports: [
        { fileHash: 'b'.repeat(64), fileName: 'd.csv', rows: 2, importedAt: '2026-01-01T00:00:00.000Z' },
      ],
    });
    expect(plan).toMatchObject({ multiline: true, nodeCount: 2, relCount: 2 });
    expect(plan.nodes.map((p) => basename(p))).toEqual(['nodes-1.csv', 'nodes-2.csv', 'nodes-3.csv']);
    expect(await readFile(plan.nodes[0] as string, 'utf8')).toBe(
      'key:ID,:LABEL,id:string,_sourceFile:string,_sourceRow:long,declarationId:string,line:long,date:string,_props:string\n' +
        `"Shipment:2400000001/1","Node;Shipment","2400000001/1","${'a'.repeat(64)}",7,"2400000001",1,"2024-01-01","{""customsValue"":33187.19,""quantity"":3914,""inspected"":true}"\n`,
    );
    expect(await readFile(plan.nodes[2] as string, 'utf8')).toBe(
      ':ID,:LABEL,fileHash:string,fileName:string,rows:long,importedAt:string\n' +
        `"ImportRecord:${'b'.repeat(64)}","ImportRecord","${'b'.repeat(64)}","d.csv",2,"2026-01-01T00:00:00.000Z"\n`,
    );
    expect(plan.relationships).toHaveLength(2);
    expect(await readFile(plan.relationships[1] as string, 'utf8')).toBe(
      ':START_ID,:END_ID,:TYPE,share:double,since:long\n"Shipment:2400000001/1","Importer:IM-2","IMPORTED_BY",0.5,2020\n',
    );
  });
});
