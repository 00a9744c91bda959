// The scoring thread: lines scored there answer exactly what scoring in-process answers (scores,
// lanes, reasons), a model swapped in is used from the very next request, and a thread that
// dies fails only what it held: the next request starts another.
import { afterEach, describe, expect, it } from 'vitest';
import { scorePosted, type PostedLines, type ScorableModel } from '../../server/services/line-scorer.ts';
import { ScoreWorker } from '../../server/services/score-worker.ts';
import type { RiskLine } from '../../src/risk/features.ts';
import { lanesFor } from '../../src/risk/model-file.ts';
import { scoreProbability, trainRiskModel } from '../../src/risk/model.ts';
import { riskLines } from '../risk/lines.ts';
import { testModelFile } from './support/risk-model.ts';

const history = riskLines(1500, 3);

function model(iterations: number): ScorableModel {
  const trained = trainRiskModel(history, { trees: { iterations } });
  return {
    model: trained,
    file: testModelFile(trained, history, lanesFor(scoreProbability(trained, history))),
  };
}

/** Synthetic lines as a posted declaration's canonical fields. */
function posted(count: number, seed: number): PostedLines {
  const field = <T>(v: T | null) => v ?? undefined;
  return {
    declarationId: `P-${seed}`,
    network: null,
    lines: riskLines(count, seed).map((l: RiskLine) => ({
      date: l.date,
      office: field(l.office),
      importer_id: l.importerId!,
      broker_id: field(l.declarantId),
      supplier_id: field(l.sellerId),
      hs_code: l.hsCode,
      origin_country: field(l.originCountry),
      departure_country: field(l.departureCountry),
      customs_value: l.customsValue,
      net_mass_kg: field(l.netMassKg),
      duty_rate: field(l.dutyRate),
      attributes: { ...l.attributes },
    })),
  };
}

let worker: ScoreWorker | null = null;
afterEach(async () => {
  await worker?.close();
  worker = null;
});

describe('ScoreWorker', () => {
  it('answers every line as scoring in-process does, reasons for all lines or the flagged ones', async () => {
    worker = new ScoreWorker();
    const loaded = model(30);
    const lines = posted(40, 11);
    const all = await worker.score(loaded, lines, 'all');
    expect(all).toEqual(await scorePosted(loaded, lines, 'all'));
    expect(all.filter((l) => l.reasons.length > 0).length).toBeGreaterThan(10);
    const flagged = await worker.score(loaded, lines, 'flagged');
    expect(flagged).toEqual(await scorePosted(loaded, lines, 'flagged'));
    expect(flagged.some((l) => l.lane === 'green' && l.reasons.length === 0)).toBe(true);
  });

  it('scores with a retrained model from the next request on, requests in flight with the one they began with', async () => {
    worker = new ScoreWorker();
    const first = model(30);
    const retrained = model(12);
    const lines = posted(10, 5);
    const before = worker.score(first, lines, 'all');
    const after = worker.score(retrained, lines, 'all');
    const [a, b] = await Promise.all([before, after]);
    expect(a).toEqual(await scorePosted(first, lines, 'all'));
    expect(b).toEqual(await scorePosted(retrained, lines, 'all'));
    expect(b.map((l) => l.score)).not.toEqual(a.map((l) => l.score));
    // And back: the thread is sent the first model again.
    expect(await worker.score(first, lines, 'all')).toEqual(a);
  });

  it('fails the requests a thread held when it dies, and starts another for the next one', async () => {
    worker = new ScoreWorker();
    const loaded = model(10);
    const lines = posted(3, 9);
    // A model the thread cannot read kills it (the server checks every model before sending it).
    const broken: ScorableModel = {
      model: loaded.model,
      file: { ...loaded.file, contentHash: 'sha256:broken', trees: null as never },
    };
    await expect(worker.score(broken, lines, 'all')).rejects.toThrow(/risk model: trees in schema version/);
    expect(await worker.score(loaded, lines, 'all')).toEqual(await scorePosted(loaded, lines, 'all'));
  });

  it('starts a new thread for the next request when the last one was closed, and refuses after close', async () => {
    worker = new ScoreWorker();
    const loaded = model(10);
    const lines = posted(3, 9);
    const expected = await scorePosted(loaded, lines, 'all');
    expect(await worker.score(loaded, lines, 'all')).toEqual(expected);
    await worker.close();
    await expect(worker.score(loaded, lines, 'all')).rejects.toThrow(/shutting down/);
  });
});
