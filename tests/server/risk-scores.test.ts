// The shared risk scores: one load per detection run, the run id re-read only after the
// revalidation window, dropped at once by invalidate() (which a job's end calls), and a failed
// load never kept.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { nodeKey, type PartyRisk } from '../../src/model/index.ts';
import type { Pipelines } from '../../server/services/index.ts';
import { RiskScores } from '../../server/services/risk-scores.ts';
import { fixtureRun, IMPORTERS } from './support/fixture.ts';
import { startHarness } from './support/harness.ts';

/** A store whose last run and party scores the test sets, counting what is asked. */
class FakeFindings {
  runId: string | null = null;
  risks: PartyRisk[] = [];
  failNextLoad = false;
  lastRunCalls = 0;
  loads = 0;

  lastRun() {
    this.lastRunCalls += 1;
    const runId = this.runId;
    return Promise.resolve(
      runId === null
        ? null
        : { runId, startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:01Z', seed: 1 },
    );
  }

  listPartyRisks() {
    this.loads += 1;
    if (this.failNextLoad) {
      this.failNextLoad = false;
      return Promise.reject(new Error('store unavailable'));
    }
    return Promise.resolve(this.risks);
  }
}

const risk = (id: string, score: number): PartyRisk => ({
  label: 'Importer',
  id,
  score,
  revenueAtRisk: 0,
  ringIds: [],
  reasons: [],
});

function setUp() {
  const store = new FakeFindings();
  let now = 1_000;
  const scores = new RiskScores(store, { revalidateMs: 500, now: () => now });
  return { store, scores, advance: (ms: number) => (now += ms) };
}

describe('RiskScores', () => {
  it('is empty before any detection run', async () => {
    const { scores, store } = setUp();
    expect((await scores.scores()).size).toBe(0);
    expect(store.loads).toBe(0);
  });

  it('loads a run once and shares it, concurrent requests included', async () => {
    const { scores, store } = setUp();
    store.runId = 'run-1';
    store.risks = [risk('IM-1', 0.9), risk('IM-2', 0.2)];
    const answers = await Promise.all([scores.scores(), scores.scores(), scores.scores()]);
    expect(answers.map((m) => m.get('Importer:IM-1'))).toEqual([0.9, 0.9, 0.9]);
    await scores.scores();
    expect(store.lastRunCalls).toBe(1);
    expect(store.loads).toBe(1);
  });

  it('re-reads the run id after the window and reloads only when the run changed', async () => {
    const { scores, store, advance } = setUp();
    store.runId = 'run-1';
    store.risks = [risk('IM-1', 0.9)];
    await scores.scores();
    // Another process writes a new run: within the window the cached run still answers.
    store.runId = 'run-2';
    store.risks = [risk('IM-1', 0.1)];
    advance(499);
    expect((await scores.scores()).get('Importer:IM-1')).toBe(0.9);
    advance(1);
    expect((await scores.scores()).get('Importer:IM-1')).toBe(0.1);
    expect(store.loads).toBe(2);
    // Same run after the next window: the id is checked, the scores are not loaded again.
    advance(500);
    await scores.scores();
    expect(store.lastRunCalls).toBe(3);
    expect(store.loads).toBe(2);
  });

  it('reads the new run at once after invalidate(), even inside the window', async () => {
    const { scores, store } = setUp();
    store.runId = 'run-1';
    store.risks = [risk('IM-1', 0.9)];
    await scores.scores();
    store.runId = 'run-2';
    store.risks = [risk('IM-1', 0.3)];
    scores.invalidate();
    expect((await scores.scores()).get('Importer:IM-1')).toBe(0.3);
  });

  it('does not install a check that began before invalidate()', async () => {
    const { scores, store } = setUp();
    store.runId = 'run-1';
    store.risks = [risk('IM-1', 0.9)];
    const early = scores.scores();
    scores.invalidate();
    store.runId = 'run-2';
    store.risks = [risk('IM-1', 0.4)];
    await early;
    expect((await scores.scores()).get('Importer:IM-1')).toBe(0.4);
  });

  it('does not keep a failed load: the next request tries again', async () => {
    const { scores, store } = setUp();
    store.runId = 'run-1';
    store.risks = [risk('IM-1', 0.9)];
    store.failNextLoad = true;
    await expect(scores.scores()).rejects.toThrow('store unavailable');
    expect((await scores.scores()).get('Importer:IM-1')).toBe(0.9);
    expect(store.loads).toBe(2);
  });
});

describe('risk in API answers after a detection job', () => {
  it('shows the new run as soon as the job is reported over', async () => {
    const importer = IMPORTERS[0];
    if (!importer) throw new Error('fixture has no importer');
    const rerun: Pipelines = {
      ingest: () => Promise.reject(new Error('not used')),
      async detect({ store }) {
        const run = fixtureRun();
        await store.writeFindings({
          ...run,
          runId: `${run.runId}-again`,
          parties: run.parties.map((p) => (p.id === importer.id ? { ...p, score: 0.05 } : p)),
        });
        return { ok: true };
      },
    };
    const h = await startHarness({ pipelines: rerun });
    try {
      const admin = await h.as('admin');
      const Answer = z.object({ nodes: z.array(z.object({ key: z.string(), risk: z.number().nullable() })) });
      const riskNow = async () => {
        const res = await admin.get(
          `/api/nodes/${encodeURIComponent(nodeKey(importer))}/neighbourhood?hops=1`,
        );
        expect(res.status).toBe(200);
        return Answer.parse(res.body).nodes.find((n) => n.key === nodeKey(importer))?.risk;
      };
      expect(await riskNow()).toBe(0.5);
      const invalidate = vi.spyOn(h.services.risks, 'invalidate');
      const { job } = z
        .object({ job: z.object({ id: z.string() }) })
        .parse((await admin.post('/api/jobs/detect').send({})).body);
      const events = await admin
        .get(`/api/jobs/${job.id}/events`)
        .buffer(true)
        .parse((r, done) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (c: string) => (text += c));
          r.on('end', () => done(null, text));
        });
      expect(String(events.body)).toContain('event: result');
      expect(invalidate).toHaveBeenCalledTimes(1);
      expect(await riskNow()).toBe(0.05);
    } finally {
      await h.close();
    }
  });
});
