// Suspect list (formula-safe CSV, JSON) and graph files for Gephi, each audited with its SHA-256.
import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SuspectsJson } from '../../src/export/contract.ts';
import { FORMULA_REASONS, IMPORTERS } from './support/fixture.ts';
import { errorOf } from './support/body.ts';
import { startHarness, type Agent, type Harness } from './support/harness.ts';

let h: Harness;
let enforcement: Agent;
beforeAll(async () => {
  h = await startHarness();
  enforcement = await h.as('enforcement');
});
afterAll(() => h.close());

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('suspects export', () => {
  it('neutralises every formula trigger in CSV cells', async () => {
    const res = await enforcement.get('/api/exports/suspects').query({ format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="ringscope-suspects.csv"/);
    const rows: string[][] = parseCsv(res.text);
    const [header, ...data] = rows;
    expect(header).toContain('reasons');
    // Five parties of rings, then SU-01, which only a lead names.
    expect(data).toHaveLength(6);
    for (const row of data)
      for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
    const cells = data.flat();
    for (const trigger of [...FORMULA_REASONS, '=Cedar Goods', '\tdirector of 3 linked firms']) {
      expect(cells).toContain(`'${trigger}`);
    }
    // The broker's reasons: its own, then the lead's.
    expect(cells).toContain(
      "'\rdeclares for 3 linked firms | lead, centrality (0.50): broker BR-01 is the only link between 2 groups of 3 importers",
    );
    const audit = h.services.audit.list({ limit: 1, action: 'export' })[0];
    expect(audit?.detail).toMatchObject({ what: 'suspects', sha256: sha(res.text), count: 6 });
    expect(res.headers['x-content-sha256']).toBe(sha(res.text));
  });

  it('starts the CSV with a UTF-8 byte-order mark so that Excel reads accents', async () => {
    const res = await enforcement
      .get('/api/exports/suspects')
      .query({ format: 'csv' })
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect([...(res.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((res.body as Buffer).subarray(3, 6).toString('utf8')).not.toMatch(/^\uFEFF/);
  });

  it('exports JSON in the published contract, filtered by minimum score', async () => {
    const res = await enforcement.get('/api/exports/suspects').query({ format: 'json', minScore: 0.55 });
    const doc = SuspectsJson.parse(JSON.parse(res.text));
    expect(doc.suspects.map((s) => [s.id, s.lead])).toEqual([
      ['IM-003', false],
      ['IM-002', false],
      ['SU-01', true],
    ]);
  });

  it('validates format and score', async () => {
    expect(errorOf(await enforcement.get('/api/exports/suspects').query({ format: 'xlsx' })).code).toBe(
      'invalid_request',
    );
    expect((await enforcement.get('/api/exports/suspects').query({ minScore: 2 })).status).toBe(400);
  });

  it('answers 409 before any detection run', async () => {
    const empty = await startHarness({ fixture: false });
    try {
      const res = await (await empty.as('enforcement')).get('/api/exports/suspects');
      expect(res.status).toBe(409);
    } finally {
      await empty.close();
    }
  });
});

describe('graph export', () => {
  it('writes GEXF that graphology reads back with the same nodes', async () => {
    const inv = await h.as('investigator');
    const res = await inv
      .get('/api/exports/graph')
      .query({ format: 'gexf', key: 'Address:12 dock road london', hops: 1 })
      .buffer(true);
    expect(res.status).toBe(200);
    const graph = parseGexf(MultiDirectedGraph, res.text);
    expect(graph.nodes().sort()).toEqual(
      ['Address:12 dock road london', ...IMPORTERS.map((i) => `Importer:${i.id}`)].sort(),
    );
    expect(graph.size).toBe(3);
    expect(graph.getNodeAttribute('Importer:IM-001', 'label')).toBe('Alder Trading');
  });

  it('writes well-formed GraphML of the whole firm network without shipments', async () => {
    const inv = await h.as('investigator');
    const res = await inv.get('/api/exports/graph').query({ format: 'graphml' }).buffer(true);
    expect(res.status).toBe(200);
    const errors: string[] = [];
    const doc = new DOMParser({
      errorHandler: {
        error: (msg: string) => void errors.push(msg),
        fatalError: (msg: string) => void errors.push(msg),
      },
    }).parseFromString(res.text, 'text/xml');
    expect(errors).toEqual([]);
    const ids = Array.from(doc.getElementsByTagName('node')).map((n) => n.getAttribute('id'));
    expect(ids.some((id) => id?.startsWith('Shipment:'))).toBe(false);
    expect(ids).toEqual(
      expect.arrayContaining(['Importer:IM-001', 'Person:P-01', 'Address:12 dock road london']),
    );
    expect(doc.getElementsByTagName('edge').length).toBe(6);
  });

  it('validates the key and format', async () => {
    const inv = await h.as('investigator');
    expect((await inv.get('/api/exports/graph').query({ format: 'dot' })).status).toBe(400);
    expect((await inv.get('/api/exports/graph').query({ key: 'Importer:NOPE' })).status).toBe(404);
  });
});
