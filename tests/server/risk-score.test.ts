// Real-time scoring through the API: a model trained here on synthetic labelled lines is loaded
// at boot; a declaration scores per line with lane, reasons and its parties' risk and rings, the
// same as `ringscope score` gives the same line; bad input, no model and a model of another
// schema version are refused with what to do; inspection results are stored and listed.
import { writeFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openAppDb } from '../../server/app-db.ts';
import { testConfig } from '../../server/config.ts';
import { ScoreAnswer, type DeclarationLineInput } from '../../src/api/risk.ts';
import { readDeclarationLines } from '../../src/cli/commands/risk-input.ts';
import { laneOf, lanesFor, type ModelFile } from '../../src/risk/model-file.ts';
import { scoreProbability, trainRiskModel, type RiskModel } from '../../src/risk/model.ts';
import { scoreLines } from '../../src/risk/scored.ts';
import { riskLines } from '../risk/lines.ts';
import { testModelFile } from './support/risk-model.ts';
import { RING_ID } from './support/fixture.ts';
import { errorOf } from './support/body.ts';
import { startHarness, type Harness } from './support/harness.ts';

let dir: string;
let model: RiskModel;
let file: ModelFile;
let h: Harness;
let bare: Harness;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'risk-score-'));
  const history = riskLines(2000, 7);
  model = trainRiskModel(history, { trees: { iterations: 40 } });
  file = testModelFile(model, history, lanesFor(scoreProbability(model, history)));
  writeFileSync(join(dir, 'model.json'), JSON.stringify(file));
  h = await startHarness({ config: { riskModel: join(dir, 'model.json') } });
  bare = await startHarness({ fixture: false });
});
afterAll(async () => {
  await h.close();
  await bare.close();
});

/** Three lines: the fixture's ring member with its broker, a risky importer's cheap line, a clean one. */
const LINES: DeclarationLineInput[] = [
  {
    date: '2021-02-01',
    office: 'O1',
    importer_id: 'IM-001',
    broker_id: 'BR-01',
    supplier_id: 'S7',
    hs_code: '851712',
    origin_country: 'CN',
    departure_country: 'CN',
    customs_value: 4000,
    net_mass_kg: 60,
    duty_rate: 0.08,
  },
  {
    date: '2021-02-01',
    office: 'O2',
    importer_id: 'I10',
    broker_id: 'B3',
    supplier_id: 'S9',
    hs_code: '610910',
    origin_country: 'VN',
    departure_country: 'CN',
    customs_value: 1100,
    net_mass_kg: 50,
    duty_rate: 0.08,
  },
  {
    date: '2021-02-01',
    office: 'O2',
    importer_id: 'I11',
    hs_code: '711311',
    origin_country: 'CN',
    customs_value: 3500,
    net_mass_kg: 50,
    duty_rate: 0.08,
  },
];

describe('POST /api/declarations/score', () => {
  it('answers each line in order with score, lane, reasons and the parties’ risk and rings, audited with the model hash', async () => {
    const res = await (
      await h.as('investigator')
    )
      .post('/api/declarations/score')
      .send({ declaration_id: 'ARR-1', lines: LINES });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const answer = ScoreAnswer.parse(res.body);
    expect(answer.model).toEqual({ content_hash: file.contentHash, created_at: file.createdAt });
    expect(answer.lines.map((l) => [l.declaration_id, l.line])).toEqual([
      ['ARR-1', 1],
      ['ARR-1', 2],
      ['ARR-1', 3],
    ]);
    for (const l of answer.lines) expect(l.lane).toBe(laneOf(file.lanes, l.score));
    const risky = answer.lines[1]!;
    expect(risky.score).toBeGreaterThan(answer.lines[2]!.score);
    expect(risky.reasons.length).toBeGreaterThan(0);
    expect(risky.reasons.join(' ')).toMatch(/\(\+\d+\.\d\d\)/);
    expect(answer.lines[0]!.parties).toEqual([
      { key: 'Importer:IM-001', risk: 0.5, rings: [RING_ID] },
      { key: 'Broker:BR-01', risk: 0.2, rings: [] },
      { key: 'Supplier:S7', risk: null, rings: [] },
    ]);
    const [entry] = h.services.audit.list({ limit: 1, action: 'score' });
    expect(entry).toMatchObject({
      username: 'investigator',
      target: 'ARR-1',
      detail: {
        model: file.contentHash,
        lanes: {
          red: answer.lines.filter((l) => l.lane === 'red').length,
          amber: answer.lines.filter((l) => l.lane === 'amber').length,
          green: answer.lines.filter((l) => l.lane === 'green').length,
        },
      },
    });
  });

  it('scores a line exactly as `ringscope score` scores the same line from a canonical file', async () => {
    const header = Object.keys(LINES[0]!);
    const csv = [
      ['declaration_id', 'line', ...header].join(','),
      ...LINES.map((l, i) =>
        [
          'ARR-2',
          i + 1,
          ...header.map((f) =>
            String((l as Record<string, unknown> as Record<string, string | number | undefined>)[f] ?? ''),
          ),
        ].join(','),
      ),
    ].join('\n');
    await writeFile(join(dir, 'arrival.csv'), `${csv}\n`);
    // `ringscope score` explains red and amber lines unless --all-reasons, as the API unless ?reasons=all.
    const cli = scoreLines(
      model,
      file.lanes,
      (await readDeclarationLines(join(dir, 'arrival.csv'), {})).lines,
      { reasonsFor: ['red', 'amber'] },
    );
    const res = await (
      await h.as('enforcement')
    )
      .post('/api/declarations/score')
      .send({ declaration_id: 'ARR-2', lines: LINES });
    const api = ScoreAnswer.parse(res.body).lines;
    for (const l of api) {
      const same = cli.find((s) => s.line.line === l.line)!;
      expect(l.score).toBe(same.score);
      expect(l.lane).toBe(same.lane);
      expect(l.reasons).toEqual(same.reasons);
    }
  });

  it('answers 400 naming a missing required field, and refuses unknown fields', async () => {
    const { hs_code: _dropped, ...noHs } = LINES[0]!;
    const agent = await h.as('investigator');
    const missing = await agent
      .post('/api/declarations/score')
      .send({ declaration_id: 'ARR-3', lines: [noHs] });
    expect(missing.status).toBe(400);
    expect(errorOf(missing).issues).toContainEqual(expect.objectContaining({ path: 'body.lines.0.hs_code' }));
    const unknown = await agent
      .post('/api/declarations/score')
      .send({ declaration_id: 'ARR-3', lines: [{ ...LINES[0], hs: '1' }] });
    expect(unknown.status).toBe(400);
    expect(h.services.audit.list({ limit: 10, action: 'score' }).map((e) => e.target)).not.toContain('ARR-3');
  });

  it('answers 409 no_model saying what to do when no model is configured', async () => {
    const res = await (
      await bare.as('investigator')
    )
      .post('/api/declarations/score')
      .send({ declaration_id: 'ARR-4', lines: LINES });
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe('no_model');
    expect(errorOf(res).message).toMatch(/ringscope --db PATH train.*reload.*RINGSCOPE_RISK_MODEL/);
  });

  it('refuses at boot a model of another schema version, with model-file’s message', () => {
    const path = join(dir, 'model-v2.json');
    writeFileSync(path, JSON.stringify({ ...file, schemaVersion: 2 }));
    const appDb = openAppDb(':memory:');
    try {
      expect(() =>
        createApp({
          store: h.store,
          appDb,
          config: testConfig({ riskModel: path }),
          logger: pino({ level: 'silent' }),
          pipelines: null,
        }),
      ).toThrow(/RINGSCOPE_RISK_MODEL: .*model schema version 2, this Ringscope reads version 1: retrain it/);
    } finally {
      appDb.close();
    }
  });
});

describe('inspections', () => {
  it('stores a result for a line, lists a declaration’s results, audits it and refuses investigators', async () => {
    const officer = await h.as('case_officer');
    const recorded = await officer.post('/api/inspections').send({
      declaration_id: 'ARR-1',
      line: 2,
      found: true,
      revenue_recovered: 420.5,
      notes: 'undervalued',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({
      declaration_id: 'ARR-1',
      line: 2,
      found: true,
      revenue_recovered: 420.5,
      notes: 'undervalued',
      recorded_by: 'case-officer',
    });
    await (
      await h.as('enforcement')
    )
      .post('/api/inspections')
      .send({ declaration_id: 'ARR-1', line: 1, found: false })
      .expect(201);
    await (
      await h.as('investigator')
    )
      .post('/api/inspections')
      .send({ declaration_id: 'ARR-1', line: 3, found: false })
      .expect(403);
    const listed = await (await h.as('investigator')).get('/api/inspections?declaration_id=ARR-1');
    expect(listed.status).toBe(200);
    expect(
      (
        listed.body as { inspections: { line: number; found: boolean; revenue_recovered: number | null }[] }
      ).inspections.map((i) => [i.line, i.found, i.revenue_recovered]),
    ).toEqual([
      [1, false, null],
      [2, true, 420.5],
    ]);
    expect(h.services.audit.list({ limit: 1, action: 'view_inspections' })[0]).toMatchObject({
      username: 'investigator',
      target: 'ARR-1',
      detail: { count: 2 },
    });
    const empty = await officer.get('/api/inspections?declaration_id=NONE');
    expect(empty.body).toEqual({ inspections: [] });
    const [entry] = h.services.audit.list({ limit: 1, action: 'inspection' });
    expect(entry).toMatchObject({ username: 'enforcement', target: 'ARR-1/1', detail: { found: false } });
  });
});
