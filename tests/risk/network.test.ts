// The network's features: with a store holding a detection run, each line gets its importer's
// party risk, whether its importer, broker or supplier is in a ring, and how many rings; the
// model lists the features it was trained with, and refuses to score without the store.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DetectionRun } from '../../src/model/index.ts';
import { buildMatrix, fitFeatures } from '../../src/risk/features.ts';
import { NETWORK_FEATURES, readNetwork, withNetwork } from '../../src/risk/network.ts';
import { openStore } from '../../src/store/open.ts';
import { runCli } from '../helpers/run-cli.ts';
import { declarations } from './declarations-file.ts';
import { riskLines } from './lines.ts';

/** A run whose one ring holds importer I10 and broker B3; I10 and I20 carry a party risk. */
const RUN: DetectionRun = {
  runId: 'run-net',
  startedAt: '2024-04-01T10:00:00.000Z',
  finishedAt: '2024-04-01T10:00:05.000Z',
  seed: 1,
  rings: [
    {
      id: 'R-shared_identifiers-net',
      typology: 'shared_identifiers',
      score: 0.8,
      revenueAtRisk: 10,
      priority: 1.633114,
      explanation: 'I10 and its broker share a phone',
      members: [
        { label: 'Importer', id: 'I10', role: 'importer' },
        { label: 'Broker', id: 'B3', role: 'broker' },
      ],
      indicators: [],
    },
  ],
  parties: [
    {
      label: 'Importer',
      id: 'I10',
      score: 0.9,
      revenueAtRisk: 10,
      ringIds: ['R-shared_identifiers-net'],
      reasons: [],
    },
    { label: 'Importer', id: 'I20', score: 0.4, revenueAtRisk: 0, ringIds: [], reasons: [] },
  ],
  targets: [],
};

async function storeWithRun(dir: string): Promise<string> {
  const db = join(dir, 'ringscope.db');
  const store = await openStore({ db });
  try {
    await store.writeFindings(RUN);
  } finally {
    await store.close();
  }
  return db;
}

describe('network features', () => {
  it("attaches the run's findings to a line by its importer, broker and supplier", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-net-'));
    const store = await openStore({ db: await storeWithRun(dir) });
    const index = await readNetwork(store);
    await store.close();
    const [base] = riskLines(1, 3);
    const line = (importerId: string, declarantId: string) => ({ ...base!, importerId, declarantId });
    const [inRing, viaBroker, scoredOnly, clean] = withNetwork(
      [line('I10', 'B0'), line('I7', 'B3'), line('I20', 'B0'), line('I7', 'B0')],
      index!,
    );
    expect(index!.runId).toBe('run-net');
    expect(inRing!.network).toEqual({ importerRisk: 0.9, inRing: true, rings: 1 });
    expect(viaBroker!.network).toEqual({ importerRisk: 0, inRing: true, rings: 1 });
    expect(scoredOnly!.network).toEqual({ importerRisk: 0.4, inRing: false, rings: 0 });
    expect(clean!.network).toEqual({ importerRisk: 0, inRing: false, rings: 0 });
  });

  it('are missing values without a store, and not features at all for a plan without them', () => {
    const lines = riskLines(200, 4);
    const plain = fitFeatures(lines);
    expect(plain.specs.map((s) => s.name)).not.toContain('importerPartyRisk');
    const withNet = fitFeatures(lines, { network: true });
    expect(withNet.specs.slice(-3).map((s) => s.name)).toEqual([...NETWORK_FEATURES]);
    const m = buildMatrix(withNet.plan, lines.slice(0, 2));
    for (const col of m.columns.slice(-3)) expect(Array.from(col).every(Number.isNaN)).toBe(true);
  });

  it('ringscope --db train lists the network features in the model; score without the store exits 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-net-'));
    const db = await storeWithRun(dir);
    await writeFile(join(dir, 'history.csv'), declarations(1500, true));
    const model = join(dir, 'model.json');
    const trained = await runCli(['--db', db, 'train', join(dir, 'history.csv'), '--out', model]);
    expect(trained.stderr).toBe('');
    expect(trained.stdout).toMatch(/network features from detection run run-net/);
    const file = JSON.parse(await readFile(model, 'utf8')) as {
      features: string[];
      trainingData: { detectionRun: string };
    };
    expect(file.features).toEqual(expect.arrayContaining([...NETWORK_FEATURES]));
    expect(file.trainingData.detectionRun).toBe('run-net');

    const scored = await runCli(['--db', db, 'score', join(dir, 'history.csv'), '--model', model]);
    expect(scored.code).toBe(0);
    const noStore = await runCli(['score', join(dir, 'history.csv'), '--model', model]);
    expect(noStore.code).toBe(2);
    expect(noStore.stderr).toMatch(
      /trained with network features \(importerPartyRisk, partyInRing, partyRings\): give the store .* --db PATH or --neo4j URI/,
    );
  });

  it('a store without a detection run is an error that says to run detect', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-net-'));
    await writeFile(join(dir, 'history.csv'), declarations(300, true));
    const db = join(dir, 'empty.db');
    const r = await runCli(['--db', db, 'train', join(dir, 'history.csv'), '--out', join(dir, 'm.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no detection run in this store .*run `ringscope detect` first/);
  });
});
