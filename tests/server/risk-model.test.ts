// The served risk model: reasons for flagged lines only unless all are asked for; parties and
// network features from the party index (no store query per declaration, rebuilt when a job
// ends); a model trained with network features scores in the API as `ringscope score --db` does;
// (the model card and reloading it: risk-model-reload.test.ts).
import { writeFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeclarationScoring } from '../../server/services/declaration-scoring.ts';
import { PartyIndex } from '../../server/services/party-index.ts';
import { EXPLAINED_PER_TURN } from '../../server/services/line-scorer.ts';
import { loadRiskModel } from '../../server/services/risk-model.ts';
import { ScoreAnswer, type DeclarationLineInput } from '../../src/api/risk.ts';
import type { ModelFile } from '../../src/risk/model-file.ts';
import { trainRiskModel, type RiskModel } from '../../src/risk/model.ts';
import { readNetwork, withNetwork } from '../../src/risk/network.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { riskLines } from '../risk/lines.ts';
import { errorOf } from './support/body.ts';
import { RING_ID } from './support/fixture.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { fileOf } from './support/risk-model-file.ts';

const line = (importer_id: string, hs_code: string, customs_value: number): DeclarationLineInput => ({
  date: '2021-02-01',
  office: 'O1',
  importer_id,
  broker_id: 'BR-01',
  supplier_id: 'S7',
  hs_code,
  origin_country: 'CN',
  departure_country: 'CN',
  customs_value,
  net_mass_kg: 50,
  duty_rate: 0.08,
});
const LINES = [line('I10', '610910', 1100), line('I20', '851712', 2000), line('I11', '711311', 3500)];

let dir: string;
let model: RiskModel;
let file: ModelFile;
const history = riskLines(2000, 7);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'risk-model-'));
  model = trainRiskModel(history, { trees: { iterations: 30 } });
  file = fileOf(model, history, '2026-12-01T00:00:00.000Z');
  writeFileSync(join(dir, 'model.json'), JSON.stringify(file));
});

describe('DeclarationScoring', () => {
  it('gives reasons to red and amber lines only by default, and to every line with reasons: all', async () => {
    const loaded = loadRiskModel(join(dir, 'model.json'))!;
    // Three risky importers' lines: each has contributions that raise its score, so reasons to give.
    const LINES = [line('I10', '610910', 1100), line('I20', '610910', 1600), line('I30', '851712', 2500)];
    const none = { current: () => Promise.resolve(null) };
    const probe = await new DeclarationScoring(loaded, none).score({ declaration_id: 'P', lines: LINES });
    // Lanes set between the three lines' scores: one line red, one amber, one green.
    const [high, mid, low] = probe.lines.map((l) => l.score).sort((a, b) => b - a);
    const lanes = { red: (high! + mid!) / 2, amber: (mid! + low!) / 2, budget: { red: 0.02, amber: 0.05 } };
    const scoring = new DeclarationScoring({ ...loaded, file: { ...loaded.file, lanes } }, none);

    const flagged = await scoring.score({ declaration_id: 'A', lines: LINES });
    const all = await scoring.score({ declaration_id: 'A', lines: LINES }, { reasons: 'all' });
    expect(flagged.lines.map((l) => l.lane).sort()).toEqual(['amber', 'green', 'red']);
    for (const [i, l] of flagged.lines.entries()) {
      const every = all.lines[i]!;
      expect(every.score).toBe(l.score);
      expect(every.lane).toBe(l.lane);
      expect(every.reasons.length).toBeGreaterThan(0);
      expect(l.reasons).toEqual(l.lane === 'green' ? [] : every.reasons);
    }
    expect(await scoring.score({ declaration_id: 'A', lines: LINES }, { reasons: 'flagged' })).toEqual(
      flagged,
    );
  });

  it('explains a few lines per turn of the event loop: other work runs while a declaration is explained', async () => {
    const loaded = loadRiskModel(join(dir, 'model.json'))!;
    const none = { current: () => Promise.resolve(null) };
    const order: string[] = [];
    // One line more than a turn explains, so the declaration waits for the next turn once.
    const many = Array.from({ length: EXPLAINED_PER_TURN + 1 }, (_, i) => LINES[i % LINES.length]!);
    const scored = new DeclarationScoring(loaded, none)
      .score({ declaration_id: 'T', lines: many }, { reasons: 'all' })
      .then(() => order.push('scored'));
    setImmediate(() => order.push('other request'));
    await scored;
    expect(order).toEqual(['other request', 'scored']);
    // Without reasons to compute (every line green), nothing waits.
    const lanes = { ...loaded.file.lanes, red: 2, amber: 2 };
    const quick: string[] = [];
    const done = new DeclarationScoring({ ...loaded, file: { ...loaded.file, lanes } }, none)
      .score({ declaration_id: 'G', lines: LINES })
      .then(() => quick.push('scored'));
    setImmediate(() => quick.push('other request'));
    await done;
    await new Promise((resolve) => setImmediate(resolve));
    expect(quick).toEqual(['scored', 'other request']);
  });
});

describe('the party index', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { riskModel: join(dir, 'model.json') } });
  });
  afterAll(() => h.close());

  /** A store whose reads are counted. */
  function counted(store: GraphStore): { store: GraphStore; calls: () => number } {
    let calls = 0;
    const proxy = new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    return { store: proxy, calls: () => calls };
  }

  it('reads the store once per run: scoring declarations then queries no store', async () => {
    const { store, calls } = counted(h.store);
    const parties = new PartyIndex(store, { revalidateMs: 60_000 });
    const scoring = new DeclarationScoring(loadRiskModel(join(dir, 'model.json')), parties);
    const first = await scoring.score({ declaration_id: 'A', lines: [line('IM-001', '610910', 900)] });
    const built = calls();
    expect(built).toBeGreaterThan(0);
    for (let i = 0; i < 20; i++) await scoring.score({ declaration_id: `A${i}`, lines: LINES });
    expect(calls()).toBe(built);
    expect(first.lines[0]!.parties).toEqual([
      { key: 'Importer:IM-001', risk: 0.5, rings: [RING_ID] },
      { key: 'Broker:BR-01', risk: 0.2, rings: [] },
      { key: 'Supplier:S7', risk: null, rings: [] },
    ]);
  });

  it('is rebuilt when a job ends: the next declaration sees the new run at once', async () => {
    const agent = await h.as('investigator');
    const score = async () =>
      ScoreAnswer.parse(
        (await agent.post('/api/declarations/score').send({ declaration_id: 'J', lines: [LINES[0]] })).body,
      ).lines[0]!.parties[0];
    expect(await score()).toEqual({ key: 'Importer:I10', risk: null, rings: [] });
    const ring = (await h.store.getRing(RING_ID))!;
    h.services.jobs.start('detect', 'admin', () =>
      h.store.writeFindings({
        runId: 'run-job',
        startedAt: '2026-12-07T10:00:00.000Z',
        finishedAt: '2026-12-07T10:00:01.000Z',
        seed: 2,
        rings: [{ ...ring, members: [...ring.members, { label: 'Importer', id: 'I10', role: 'importer' }] }],
        parties: [
          { label: 'Importer', id: 'I10', score: 0.9, revenueAtRisk: 0, ringIds: [RING_ID], reasons: [] },
        ],
        targets: [],
      }),
    );
    await h.services.jobs.idle();
    expect(await score()).toEqual({ key: 'Importer:I10', risk: 0.9, rings: [RING_ID] });
  });
});

describe('the party index, with a run written by another process', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('is noticed by the background check at most revalidateMs later, no request waiting on it', async () => {
    let now = 0;
    const parties = new PartyIndex(h.store, { revalidateMs: 1000, now: () => now });
    const first = (await parties.current())!.runId;
    const before = (await h.store.lastRun())!;
    await h.store.writeFindings({
      runId: 'run-later',
      startedAt: before.startedAt,
      finishedAt: before.finishedAt,
      seed: 1,
      rings: [],
      parties: [{ label: 'Importer', id: 'I10', score: 0.9, revenueAtRisk: 0, ringIds: [], reasons: [] }],
      targets: [],
    });
    now = 999;
    expect((await parties.current())!.runId).toBe(first);
    await parties.checked();
    expect((await parties.current())!.runId).toBe(first);
    now = 1000;
    // This request is answered from the index held; the check starts beside it.
    expect((await parties.current())!.runId).toBe(first);
    await parties.checked();
    const next = (await parties.current())!;
    expect(next.runId).toBe('run-later');
    expect(next.parties.get('Importer:I10')).toEqual({ risk: 0.9, rings: [] });
    expect(next.parties.has('Importer:IM-001')).toBe(false);
  });
});

describe('a model trained with network features', () => {
  let h: Harness;
  let bare: Harness;
  let networked: ModelFile;
  beforeAll(async () => {
    // The fixture's run puts IM-001..IM-003 in a ring with a party risk: the risky importers become them.
    bare = await startHarness({ fixture: false });
    h = await startHarness();
    const index = (await readNetwork(h.store))!;
    const lines = withNetwork(
      history.map((l) => {
        const n = Number(l.importerId!.slice(1));
        return n % 10 === 0 ? { ...l, importerId: `IM-00${1 + ((n / 10) % 3)}` } : l;
      }),
      index,
    );
    const trained = trainRiskModel(lines, { features: { network: true }, trees: { iterations: 30 } });
    networked = fileOf(trained, lines, '2026-12-02T00:00:00.000Z');
    writeFileSync(join(dir, 'network.json'), JSON.stringify(networked));
    await h.close();
    h = await startHarness({ config: { riskModel: join(dir, 'network.json') } });
    await bare.close();
    bare = await startHarness({ fixture: false, config: { riskModel: join(dir, 'network.json') } });
  });
  afterAll(async () => {
    await h.close();
    await bare.close();
  });

  const ARRIVAL = [
    line('IM-001', '610910', 1100),
    line('IM-002', '851712', 4000),
    line('I11', '711311', 3500),
  ];

  it('scores in the API exactly as `ringscope score --db` on the same store', async () => {
    const res = await (
      await h.as('investigator')
    )
      .post('/api/declarations/score')
      .send({ declaration_id: 'NET-1', lines: ARRIVAL });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const api = ScoreAnswer.parse(res.body).lines;
    const header = Object.keys(ARRIVAL[0]!);
    const csv = [
      ['declaration_id', 'line', ...header].join(','),
      ...ARRIVAL.map((l, i) =>
        [
          'NET-1',
          i + 1,
          ...header.map((f) =>
            String((l as Record<string, unknown> as Record<string, string | number | undefined>)[f] ?? ''),
          ),
        ].join(','),
      ),
    ].join('\n');
    await writeFile(join(dir, 'net-arrival.csv'), `${csv}\n`);
    const cli = await runCli([
      '--db',
      join(h.dir, 'graph.db'),
      '--json',
      'score',
      join(dir, 'net-arrival.csv'),
      '--model',
      join(dir, 'network.json'),
    ]);
    expect(cli.stderr).toBe('');
    const scored = (
      JSON.parse(cli.stdout) as { lines: { line: number; score: number; lane: string; reasons: string[] }[] }
    ).lines;
    for (const l of api) {
      const same = scored.find((s) => s.line === l.line)!;
      expect(l.score).toBe(same.score);
      expect(l.lane).toBe(same.lane);
      expect(l.reasons).toEqual(same.reasons);
    }
    // The network mattered: the ring member scores above the same line with no network facts.
    expect(api[0]!.score).toBeGreaterThan(api[2]!.score);
  });

  it('answers 409 no_detection_run saying what to do when the store holds no run', async () => {
    const res = await (
      await bare.as('investigator')
    )
      .post('/api/declarations/score')
      .send({ declaration_id: 'NET-2', lines: ARRIVAL });
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe('no_detection_run');
    expect(errorOf(res).message).toMatch(/network features .*run a detection/);
  });
});
