// Importing valid files: the known graph of a small registry and declarations, parties created
// from declarations, registry entries completing them, re-imports, exact big ids, presets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanCsv } from '../../src/ingest/csv-reader.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import { ProblemLog } from '../../src/ingest/problems.ts';
import { importFile } from '../../src/ingest/import-file.ts';
import { loadMappingFile } from '../../src/ingest/mapping-file.ts';
import { layoutsFor } from '../../src/ingest/presets/index.ts';
import { ShipmentProps } from '../../src/model/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { DECL_HEADER, decl, declRow, ents, snapshot, testDir, type TestDir } from './helpers.ts';

const REGISTRY = ents(
  'IM1,importer,Harbour Trading Ltd,GB,2019-05-01,,"12, Harbour Rd.",+44 20 7946 0001,info@harbour.example,GB29 NWBK 6016 1331 9268 19,P1;P2',
  'IM2,importer,Harbour Trading Two,GB,2023-01-10,,12 harbour rd,0044 20 7946 0001,,,P1',
  'P1,person,Ann Lee,GB,,,,,,,',
  'BR1,broker,Quick Clear,GB,2001-01-01,,,,,,',
);

describe('ingest of valid files', () => {
  let dir: TestDir;
  let store: GraphStore;
  const layouts = layoutsFor('ringscope');

  beforeEach(async () => {
    dir = await testDir();
    store = await dir.store();
  });
  afterEach(async () => dir.cleanup());

  it('builds the known graph from a registry and declarations, registry first', async () => {
    const declarations = await dir.file(
      'declarations.csv',
      decl(
        declRow(),
        declRow({ line: '2', hs_code: '8471.30', customs_value: '55.5' }),
        declRow({
          declaration_id: 'D2',
          line: '',
          importer_id: 'IM2',
          broker_id: 'BR9',
          broker_name: 'New Broker',
        }),
        declRow({ declaration_id: 'D2', line: '', importer_id: 'IM2', consignee_id: '', supplier_id: '' }),
      ),
    );
    const registry = await dir.file('registry.csv', REGISTRY);
    const outcomes = await ingestFiles(store, [declarations, registry]);
    expect(outcomes.map((o) => [o.file, o.status, o.kind])).toEqual([
      [registry, 'imported', 'entities'],
      [declarations, 'imported', 'declarations'],
    ]);
    const counts = await store.counts();
    expect(counts.nodes).toEqual({
      Importer: 2,
      Broker: 2, // BR1 from the registry, BR9 from a declaration
      Consignee: 1,
      Supplier: 1,
      Person: 2, // P1 registered, P2 only named as a director
      Address: 1, // "12, Harbour Rd." and "12 harbour rd" meet
      Phone: 1, // +44… and 0044… meet
      Email: 1,
      BankAccount: 1,
      Shipment: 4,
    });
    expect(counts.rels).toEqual({
      IMPORTED_BY: 4,
      DECLARED_BY: 4,
      CONSIGNED_TO: 3,
      SUPPLIED_BY: 3,
      HAS_ADDRESS: 2,
      HAS_PHONE: 2,
      HAS_EMAIL: 1,
      HAS_ACCOUNT: 1,
      DIRECTS: 3,
    });

    const line = await store.getNode({ label: 'Shipment', id: 'D1/2' });
    expect(line?.props).toMatchObject({ hsCode: '847130', customsValue: 55.5, declarationId: 'D1', line: 2 });
    expect(line?.source).toEqual({ file: outcomes[1]?.fileHash, row: 2 });
    expect(ShipmentProps.safeParse(line?.props).success).toBe(true);
    // Lines left out are numbered per declaration in file order.
    expect(await store.getNode({ label: 'Shipment', id: 'D2/2' })).not.toBeNull();

    const importer = await store.getNode({ label: 'Importer', id: 'IM1' });
    expect(importer?.props).toMatchObject({
      name: 'Harbour Trading Ltd',
      registeredOn: '2019-05-01',
      inRegistry: true,
    });
    expect(importer?.source).toEqual({ file: outcomes[0]?.fileHash, row: 1 });
    const stub = await store.getNode({ label: 'Broker', id: 'BR9' });
    expect(stub?.props).toMatchObject({ name: 'New Broker', inRegistry: false });
    const supplier = await store.getNode({ label: 'Supplier', id: 'SU1' });
    expect(supplier?.props).toMatchObject({ name: 'Shenzhen Parts', country: 'CN', inRegistry: false });
    const phone = await store.getNode({ label: 'Phone', id: '442079460001' });
    expect(phone?.props.value).toBe('+44 20 7946 0001');
  });

  it('completes parties created from declarations when their registry entry comes later', async () => {
    const declarations = await dir.file('d.csv', decl(declRow()));
    expect((await importFile(store, declarations, layouts)).status).toBe('imported');
    expect((await store.getNode({ label: 'Importer', id: 'IM1' }))?.props.inRegistry).toBe(false);
    const registry = await dir.file(
      'r.csv',
      ents('IM1,importer,Harbour Trading Ltd (registered),GB,2019-05-01,,,,,,'),
    );
    expect((await importFile(store, registry, layouts)).status).toBe('imported');
    expect((await store.getNode({ label: 'Importer', id: 'IM1' }))?.props).toMatchObject({
      name: 'Harbour Trading Ltd (registered)',
      inRegistry: true,
    });
  });

  it('does not let a declaration overwrite what the registry says', async () => {
    await importFile(store, await dir.file('r.csv', ents('IM1,importer,Registered Name,GB,,,,,,,')), layouts);
    await importFile(
      store,
      await dir.file('d.csv', decl(declRow({ importer_name: 'Declared Name' }))),
      layouts,
    );
    expect((await store.getNode({ label: 'Importer', id: 'IM1' }))?.props.name).toBe('Registered Name');
  });

  it('re-importing the same bytes is a no-op, reported as unchanged', async () => {
    const path = await dir.file('d.csv', decl(declRow(), declRow({ declaration_id: 'D2' })));
    expect((await importFile(store, path, layouts)).status).toBe('imported');
    const before = await snapshot(store);
    const again = await importFile(store, path, layouts);
    expect(again.status).toBe('unchanged');
    expect(again.nodesWritten).toBe(0);
    expect(await snapshot(store)).toEqual(before);
  });

  it('numbers lines left without a number per declaration, also when declarations interleave', async () => {
    const path = await dir.file(
      'd.csv',
      decl(
        declRow({ declaration_id: 'D1', line: '' }),
        declRow({ declaration_id: 'D2', line: '' }),
        declRow({ declaration_id: 'D1', line: '' }),
        declRow({ declaration_id: 'D3', line: '5' }),
        declRow({ declaration_id: 'D2', line: '' }),
        declRow({ declaration_id: 'D3', line: '' }),
        declRow({ declaration_id: 'D1', line: '7' }),
        declRow({ declaration_id: 'D1', line: '' }),
      ),
    );
    expect((await importFile(store, path, layouts)).status).toBe('imported');
    const lines: string[] = [];
    for await (const node of store.streamNodes(['Shipment'])) lines.push(node.id);
    expect(lines.sort()).toEqual(['D1/1', 'D1/2', 'D1/7', 'D1/8', 'D2/1', 'D2/2', 'D3/5', 'D3/6']);
  });

  it('accepts the same lines in another file when their content is identical', async () => {
    await importFile(store, await dir.file('a.csv', decl(declRow())), layouts);
    const outcome = await importFile(
      store,
      await dir.file('b.csv', decl(declRow(), declRow({ declaration_id: 'D9' }))),
      layouts,
    );
    expect(outcome.status).toBe('imported');
    expect((await store.counts()).nodes.Shipment).toBe(2);
  });

  it('keeps ids beyond 2^53 and leading zeros exact, with BOM and CRLF', async () => {
    const big = '123456789012345678901';
    const path = await dir.file(
      'big.csv',
      '\ufeff' + decl(declRow({ declaration_id: big, importer_id: '007' })).replace(/\n/g, '\r\n'),
    );
    expect((await importFile(store, path, layouts)).status).toBe('imported');
    const node = await store.getNode({ label: 'Shipment', id: `${big}/1` });
    expect(node?.props.declarationId).toBe(big);
    expect(await store.getNode({ label: 'Importer', id: '007' })).not.toBeNull();
  });

  it('accepts a multi-byte character split across two read chunks', async () => {
    const chunk = 1 << 20;
    let text = `${DECL_HEADER}\n`;
    for (let i = 0; Buffer.byteLength(text) < chunk - 2000; i++) {
      text += `${declRow({ declaration_id: `D${i}`, description: 'x'.repeat(900) })}\n`;
    }
    const marked = declRow({ declaration_id: 'EDGE', description: 'MARK' });
    const before = Buffer.byteLength(text) + Buffer.byteLength(marked.slice(0, marked.indexOf('MARK')));
    const description = `${'x'.repeat(chunk - 1 - before)}\u00e9tail`;
    text += `${declRow({ declaration_id: 'EDGE', description })}\n`;
    expect(
      Buffer.from(text)
        .subarray(chunk - 1, chunk + 1)
        .toString(),
    ).toBe('\u00e9');
    const path = await dir.file('split.csv', text);
    const scan = scanCsv(path, new ProblemLog(path));
    for await (const _batch of scan.batches());
    expect(scan.invalidUtf8).toBe(false);
    const outcome = await importFile(store, path, layouts);
    expect(outcome.problems).toEqual([]);
    expect((await store.getNode({ label: 'Shipment', id: 'EDGE/1' }))?.props.description).toBe(description);
  });

  it('reads the two WCO BACUDA header variants', async () => {
    const upper = await dir.file(
      'bacuda.csv',
      'SGD_NUM,SGD_DATE,IMPORTER_TIN,IMPORTER_NAME,DECLARANT_CODE,DECLARANT_NAME,OFFICE_CODE,ORIGIN_CODE,HSCODE,ITM_NUM,INITIAL_ITM_QTY,INITIAL_ITM_WEIGHT,INITIAL_ITM_FOB,INITIAL_ITM_CIF,INITIAL_ITM_TOTAL_TAX\n' +
        'S1,2019-01-05,T1,Tin One,DC1,Dec One,OF1,TR,6204620000,1,10,25.5,900,1000,120\n' +
        'S1,2019-01-05,T1,Tin One,DC1,Dec One,OF1,TR,6204630000,2,5,12,400,450,50\n',
    );
    const dotted = await dir.file(
      'dotted.csv',
      'sgd.id,sgd.date,importer.id,declarant.id,country,office.id,tariff.code,quantity,gross.weight,fob.value,cif.value,total.taxes,illicit,revenue\n' +
        'SGD7,2013-01-02,IMP1,DEC1,CN,OFF1,8517120000,1,2.5,100,110,11,1,30\n',
    );
    const bacuda = layoutsFor('wco-bacuda');
    const [a, b] = [await importFile(store, upper, bacuda), await importFile(store, dotted, bacuda)];
    expect([a.status, a.layout, b.status, b.layout]).toEqual([
      'imported',
      'wco-bacuda',
      'imported',
      'wco-bacuda (dotted)',
    ]);
    expect((await store.getNode({ label: 'Shipment', id: 'S1/2' }))?.props).toMatchObject({
      customsValue: 450,
      fobValue: 400,
      dutyPaid: 50,
      grossMassKg: 12,
      originCountry: 'TR',
    });
    expect((await store.getNode({ label: 'Shipment', id: 'SGD7/1' }))?.props).toMatchObject({
      illicit: true,
      revenueRecovered: 30,
      customsValue: 110,
    });
    expect(await store.getNode({ label: 'Broker', id: 'DEC1' })).not.toBeNull();
  });

  it('reads any header through a mapping file', async () => {
    const mapping = await dir.file(
      'mapping.json',
      JSON.stringify({
        declaration_id: 'Entry No',
        date: 'Entry Date',
        importer_id: 'EORI',
        hs_code: { column: 'Commodity', pad: 10 },
        customs_value: 'Value',
        duty_rate: { column: 'Rate %', scale: 0.01 },
      }),
    );
    const layout = await loadMappingFile(mapping);
    const path = await dir.file(
      'custom.csv',
      'Entry No,Entry Date,EORI,Commodity,Value,Rate %\nE1,20240131,GB123,101210000,99.5,12\n',
    );
    const outcome = await importFile(store, path, layoutsFor('ringscope', layout));
    expect(outcome.status).toBe('imported');
    expect((await store.getNode({ label: 'Shipment', id: 'E1/1' }))?.props).toMatchObject({
      date: '2024-01-31',
      hsCode: '0101210000',
      customsValue: 99.5,
      dutyRate: 0.12,
    });
  });

  it.each([
    ['a formula', '=HYPERLINK("http://x")', /columns\.importer_name\.values\."Y".*formula/],
    ['an @ formula', '@SUM(1)', /columns\.importer_name\.values\."Y".*formula/],
    ['a NUL byte', 'a\u0000b', /NUL/],
    ['a right-to-left override', 'x\u202Ey', /bidirectional/],
  ])('refuses a mapping file that recodes a value to %s', async (_what, to, message) => {
    const mapping = await dir.file(
      'recode.json',
      JSON.stringify({
        declaration_id: 'A',
        importer_name: { column: 'B', values: { Y: to, N: 'Acme' } },
      }),
    );
    await expect(loadMappingFile(mapping)).rejects.toMatchObject({
      problems: [{ code: 'invalid_mapping', message: expect.stringMatching(message) as unknown }],
    });
  });

  it('checks a recoded value as a cell when the layout is built in code', async () => {
    const layout = await loadMappingFile(
      await dir.file(
        'plain.json',
        JSON.stringify({
          declaration_id: 'Entry No',
          date: 'Entry Date',
          importer_id: 'EORI',
          importer_name: { column: 'Name', values: { Y: 'Acme' } },
          hs_code: 'Commodity',
          customs_value: 'Value',
        }),
      ),
    );
    const recoding = layout.columns.importer_name;
    if (recoding?.values) recoding.values.Y = '=cmd|x';
    const path = await dir.file(
      'recoded.csv',
      'Entry No,Entry Date,EORI,Name,Commodity,Value\nE1,20240131,GB123,Y,0101,99.5\n',
    );
    const outcome = await importFile(store, path, layoutsFor('ringscope', layout));
    expect(outcome.status).toBe('invalid');
    expect(outcome.problems).toMatchObject([{ code: 'formula_cell', row: 1, column: 'Name' }]);
    expect(await store.getNode({ label: 'Shipment', id: 'E1/1' })).toBeNull();
  });

  it('rejects a mapping file naming unknown fields', async () => {
    const mapping = await dir.file('bad.json', JSON.stringify({ declaration_id: 'A', value_usd: 'B' }));
    await expect(loadMappingFile(mapping)).rejects.toMatchObject({
      problems: [{ code: 'invalid_mapping', message: expect.stringMatching(/value_usd/) as unknown }],
    });
  });
});
