// The model card (`GET /api/risk/model`) and reloading the model without a restart
// (`POST /api/risk/model/reload`): a valid file is swapped in at once and audited, a bad one
// keeps the model in use and says why; without a model, 409. The store's model: risk-model-store.
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RiskModelCard, RiskModelReloadAnswer } from '../../src/api/risk-model.ts';
import { ScoreAnswer, type DeclarationLineInput } from '../../src/api/risk.ts';
import type { ModelFile } from '../../src/risk/model-file.ts';
import { trainRiskModel } from '../../src/risk/model.ts';
import { riskLines } from '../risk/lines.ts';
import { errorOf } from './support/body.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { fileOf } from './support/risk-model-file.ts';

const history = riskLines(2000, 7);
const LINES: DeclarationLineInput[] = [
  { date: '2021-02-01', importer_id: 'I10', hs_code: '610910', customs_value: 1100, net_mass_kg: 50 },
];
let dir: string;
let file: ModelFile;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'risk-model-reload-'));
  file = fileOf(trainRiskModel(history, { trees: { iterations: 30 } }), history, '2026-12-01T00:00:00.000Z');
});

describe('GET /api/risk/model and POST /api/risk/model/reload', () => {
  let h: Harness;
  let served: string;
  beforeAll(async () => {
    served = join(dir, 'served.json');
    writeFileSync(served, JSON.stringify(file));
    h = await startHarness({ config: { riskModel: served } });
  });
  afterAll(() => h.close());

  it('shows the model card to case readers', async () => {
    const res = await (await h.as('investigator')).get('/api/risk/model');
    expect(res.status).toBe(200);
    const card = RiskModelCard.parse(res.body);
    expect(card).toMatchObject({
      content_hash: file.contentHash,
      created_at: file.createdAt,
      source: { kind: 'file', name: 'served.json' },
      schema_version: 1,
      features: file.features,
      network_features: false,
      trees: 30,
      lanes: file.lanes,
      metrics: { precisionAt: { '1%': 0.5 } },
      training_data: {
        files: [{ name: 'history.csv', sha256: 'ab'.repeat(32) }],
        lines: 2000,
        labelled: 2000,
        trained_on: { lines: 2000, from: '2021-01-01', to: '2021-01-28' },
        detection_run: null,
      },
    });
  });

  it('swaps in a new model file at once, audited; a bad file keeps the model in use and says why', async () => {
    const admin = await h.as('admin');
    const retrained = trainRiskModel(history, { trees: { iterations: 20 } });
    const next = fileOf(retrained, history, '2026-12-03T00:00:00.000Z');
    writeFileSync(served, JSON.stringify(next));
    const res = await admin.post('/api/risk/model/reload');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(RiskModelReloadAnswer.parse(res.body)).toMatchObject({
      previous: file.contentHash,
      model: { content_hash: next.contentHash, trees: 20 },
    });
    // Sent to the scoring thread with the reload, before any declaration asks for it.
    expect(h.services.scoreWorker.holding()).toBe(next.contentHash);
    const scored = await (
      await h.as('investigator')
    )
      .post('/api/declarations/score')
      .send({ declaration_id: 'R-1', lines: LINES });
    expect(ScoreAnswer.parse(scored.body).model.content_hash).toBe(next.contentHash);
    expect(h.services.audit.list({ limit: 1, action: 'risk_model_reload' })[0]).toMatchObject({
      username: 'admin',
      target: next.contentHash,
      detail: { previous: file.contentHash, createdAt: next.createdAt, source: 'file' },
    });

    writeFileSync(served, JSON.stringify({ ...next, createdAt: '2027-01-01T00:00:00.000Z' }));
    const edited = await admin.post('/api/risk/model/reload');
    expect(edited.status).toBe(400);
    expect(errorOf(edited).code).toBe('invalid_model');
    expect(errorOf(edited).message).toMatch(/model in use is kept: .*does not match its hash/);
    writeFileSync(served, JSON.stringify({ ...next, schemaVersion: 2 }));
    const other = await admin.post('/api/risk/model/reload');
    expect(other.status).toBe(400);
    expect(errorOf(other).message).toMatch(
      /model schema version 2, this Ringscope reads version 1: retrain it/,
    );
    writeFileSync(served, '{"kind": "ringscope-risk');
    expect((await admin.post('/api/risk/model/reload')).status).toBe(400);
    const card = await (await h.as('investigator')).get('/api/risk/model');
    expect(RiskModelCard.parse(card.body).content_hash).toBe(next.contentHash);
    expect(h.services.audit.list({ limit: 10, action: 'risk_model_reload' })).toHaveLength(1);
  });

  it('answers 409 no_model without a model file and with none in the store, for the card and a reload', async () => {
    const bare = await startHarness({ fixture: false });
    try {
      const card = await (await bare.as('investigator')).get('/api/risk/model');
      expect(card.status).toBe(409);
      expect(errorOf(card).code).toBe('no_model');
      const reload = await (await bare.as('admin')).post('/api/risk/model/reload');
      expect(reload.status).toBe(409);
      expect(errorOf(reload).code).toBe('no_model');
      expect(errorOf(reload).message).toMatch(/run `ringscope --db PATH train`/);
    } finally {
      await bare.close();
    }
  });
});
