// The store's model served when RINGSCOPE_RISK_MODEL is not set, and inspection results as the
// labels it is trained on: lines ingested without results, results recorded through the API
// (which labels the stored lines), `ringscope --db PATH train` with no file learns from exactly
// those lines, and a reload serves the new model without a restart. A stored model is checked as
// a file is: one changed after training, or of another schema version, is refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RiskModelCard, RiskModelReloadAnswer } from '../../src/api/risk-model.ts';
import { RecordedInspection, ScoreAnswer } from '../../src/api/risk.ts';
import { runDetection } from '../../src/detection/run-detection.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import type { ModelFile } from '../../src/risk/model-file.ts';
import { trainRiskModel } from '../../src/risk/model.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { testConfig } from '../../server/config.ts';
import { serve } from '../../server/serve.ts';
import { ServedModel } from '../../server/services/risk-model.ts';
import { runCli } from '../helpers/run-cli.ts';
import { declarations } from '../risk/declarations-file.ts';
import { riskLines } from '../risk/lines.ts';
import { errorOf } from './support/body.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { fileOf } from './support/risk-model-file.ts';

const LINES = 800;
/** The lines the file holds (declarations() writes these, without their results). */
const truth = riskLines(LINES, 21);
/** Every other line gets an inspection result. */
const inspected = truth.filter((_l, i) => i % 2 === 0);

const save = (store: GraphStore, file: ModelFile, json = JSON.stringify(file)) =>
  store.saveRiskModel({
    contentHash: file.contentHash,
    createdAt: file.createdAt,
    metrics: file.metrics,
    json,
    savedAt: new Date().toISOString(),
  });

describe("the store's model and inspection results as its labels", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ fixture: false });
    const csv = join(h.dir, 'declarations.csv');
    writeFileSync(csv, declarations(LINES, false));
    const [outcome] = await ingestFiles(h.store, [csv]);
    expect(outcome?.problems).toEqual([]);
    // Training from a store learns the network's features too: they come from its last run.
    await runDetection(h.store, { seed: 1 });
  });
  afterAll(() => h.close());

  it('trains on exactly the lines labelled through POST /api/inspections, and serves the model after a reload', async () => {
    const investigator = await h.as('investigator');
    expect(errorOf(await investigator.get('/api/risk/model')).code).toBe('no_model');
    // Nothing is labelled yet: training says so.
    const db = join(h.dir, 'graph.db');
    const none = await runCli(['--db', db, 'train']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /no labelled lines to train on in store:.* \(800 lines, 0 with an inspection result\)/,
    );

    const officer = await h.as('enforcement');
    for (const l of inspected) {
      const res = await officer
        .post('/api/inspections')
        .send({ declaration_id: l.declarationId, line: 1, found: l.label === true });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(RecordedInspection.parse(res.body).in_store).toBe(true);
    }
    // A result for a line the store does not hold is kept, but labels nothing.
    const elsewhere = await officer
      .post('/api/inspections')
      .send({ declaration_id: 'NOT-STORED', line: 1, found: true });
    expect(RecordedInspection.parse(elsewhere.body).in_store).toBe(false);

    const trained = await runCli(['--db', db, 'train', '--holdout', '25%']);
    expect(trained.stderr).toBe('');
    expect(trained.code).toBe(0);
    // 400 labelled lines: 300 older to train on, the newest 100 held out.
    expect(trained.stdout).toMatch(
      /^trained on 300 lines \(2021-01-01 … 2021-01-\d\d\) .*; held out the newest 100/m,
    );
    // The held-out lines' fraud rate is that of the results recorded on them.
    const newest = [...inspected]
      .sort((a, b) =>
        a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.declarationId < b.declarationId ? -1 : 1,
      )
      .slice(-100);
    const frauds = newest.filter((l) => l.label).length;
    expect(trained.stdout).toContain(`held out the newest 100 (fraud rate ${frauds.toFixed(1)}%)`);
    const hash = /model (sha256:[0-9a-f]{64}) saved in the store as its current model/.exec(
      trained.stdout,
    )?.[1];

    const admin = await h.as('admin');
    const reload = await admin.post('/api/risk/model/reload');
    expect(reload.status, JSON.stringify(reload.body)).toBe(200);
    const answer = RiskModelReloadAnswer.parse(reload.body);
    expect(answer.previous).toBeNull();
    expect(answer.model).toMatchObject({
      content_hash: hash,
      source: { kind: 'store' },
      training_data: {
        files: [{ name: 'graph.db' }],
        lines: 800,
        labelled: 400,
        trained_on: { lines: 300 },
        held_out: { lines: 100 },
      },
    });
    expect(h.services.audit.list({ limit: 1, action: 'risk_model_reload' })[0]).toMatchObject({
      username: 'admin',
      target: hash,
      detail: { previous: null, source: 'store' },
    });
    const card = RiskModelCard.parse((await investigator.get('/api/risk/model')).body);
    expect(card.content_hash).toBe(hash);
    const scored = await investigator.post('/api/declarations/score').send({
      declaration_id: 'NEW-1',
      lines: [
        { date: '2021-02-01', importer_id: 'I10', hs_code: '610910', customs_value: 900, net_mass_kg: 40 },
      ],
    });
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    expect(ScoreAnswer.parse(scored.body).model.content_hash).toBe(hash);
  });

  it('refuses a stored model changed after training, or of another schema version, and keeps the model in use', async () => {
    const admin = await h.as('admin');
    const before = RiskModelCard.parse((await admin.get('/api/risk/model')).body).content_hash;
    const history = riskLines(600, 7);
    const file = fileOf(
      trainRiskModel(history, { trees: { iterations: 10 } }),
      history,
      '2026-12-05T00:00:00.000Z',
    );
    await save(h.store, file, JSON.stringify({ ...file, createdAt: '2027-01-01T00:00:00.000Z' }));
    const edited = await admin.post('/api/risk/model/reload');
    expect(edited.status).toBe(400);
    expect(errorOf(edited).message).toMatch(
      /^the model in use is kept: the store's current model: content does not match its hash sha256:/,
    );
    const other = fileOf(
      trainRiskModel(history, { trees: { iterations: 11 } }),
      history,
      '2026-12-06T00:00:00.000Z',
    );
    await save(h.store, other, JSON.stringify({ ...other, schemaVersion: 2 }));
    const version = await admin.post('/api/risk/model/reload');
    expect(version.status).toBe(400);
    expect(errorOf(version).message).toMatch(
      /model schema version 2, this Ringscope reads version 1: retrain it/,
    );
    expect(RiskModelCard.parse((await admin.get('/api/risk/model')).body).content_hash).toBe(before);
  });
});

describe("the store's model at boot", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ fixture: false });
  });
  afterAll(() => h.close());

  it('is served when RINGSCOPE_RISK_MODEL is not set; one that cannot be used stops the boot', async () => {
    const history = riskLines(600, 7);
    const file = fileOf(
      trainRiskModel(history, { trees: { iterations: 10 } }),
      history,
      '2026-12-05T00:00:00.000Z',
    );
    await save(h.store, file);
    const served = new ServedModel(undefined, undefined, h.store);
    expect((await served.ready())?.file.contentHash).toBe(file.contentHash);
    expect((await served.card()).source).toEqual({ kind: 'store' });
    // A file, when configured, wins over the store.
    const path = join(h.dir, 'model.json');
    const other = fileOf(
      trainRiskModel(history, { trees: { iterations: 12 } }),
      history,
      '2026-12-06T00:00:00.000Z',
    );
    writeFileSync(path, JSON.stringify(other));
    const fromFile = new ServedModel(path, undefined, h.store);
    expect((await fromFile.card()).source).toEqual({ kind: 'file', name: 'model.json' });
    expect((await fromFile.card()).content_hash).toBe(other.contentHash);

    await save(h.store, other, JSON.stringify({ ...other, trees: { ...other.trees, learningRate: 0.5 } }));
    const config = testConfig({ appDb: join(h.dir, 'boot-app.db'), port: 0, logRequests: false });
    await expect(serve(config, { store: h.store })).rejects.toThrow(
      /^the store's current model: content does not match its hash .*; retrain it \(RINGSCOPE_RISK_MODEL is not set\)$/,
    );
  });
});
