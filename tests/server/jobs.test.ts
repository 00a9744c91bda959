// Jobs: ingest uploads and detection runs, their state, and SSE progress that arrives in order
// and ends with the result (or the error with the row report).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PIPELINES } from '../../server/pipelines.ts';
import type { Pipelines } from '../../server/services/index.ts';
import { DECLARATIONS_HEADER, declarationLine } from '../../bench/support/generate-declarations.ts';
import { errorOf } from './support/body.ts';
import { startHarness, type Agent, type Harness } from './support/harness.ts';

const JobBody = z.object({ job: z.object({ id: z.string(), kind: z.string(), state: z.string() }) });

interface SseEvent {
  event: string;
  data: unknown;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.includes('event:'))
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? '';
      const data = lines.find((l) => l.startsWith('data: '))?.slice(6) ?? 'null';
      return { event, data: JSON.parse(data) as unknown };
    });
}

async function events(agent: Agent, jobId: string): Promise<SseEvent[]> {
  const res = await agent
    .get(`/api/jobs/${jobId}/events`)
    .buffer(true)
    .parse((r, done) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (text += c));
      r.on('end', () => done(null, text));
    });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
  return parseSse(res.body as string);
}

const csv = (lines: string[]) => Buffer.from(`${DECLARATIONS_HEADER}\n${lines.join('\n')}\n`);

describe('jobs with the real pipelines', () => {
  let h: Harness;
  let admin: Agent;
  beforeAll(async () => {
    h = await startHarness({ pipelines: PIPELINES, config: { uploadMaxBytes: 64 * 1024 } });
    admin = await h.as('admin');
  });
  afterAll(() => h.close());

  it('ingests an uploaded file, streaming progress then the result', async () => {
    const before = await h.store.counts();
    const res = await admin
      .post('/api/jobs/ingest')
      .attach('file', csv([0, 1, 2, 3, 4, 5].map(declarationLine)), 'declarations.csv');
    expect(res.status).toBe(202);
    const { job } = JobBody.parse(res.body);
    expect(job.kind).toBe('ingest');
    const stream = await events(admin, job.id);
    expect(stream.at(-1)?.event).toBe('result');
    expect(stream.slice(0, -1).every((e) => e.event === 'progress')).toBe(true);
    const result = z
      .object({ files: z.array(z.object({ file: z.string(), status: z.string(), rows: z.number() })) })
      .parse(stream.at(-1)?.data);
    expect(result.files).toEqual([
      expect.objectContaining({ file: 'declarations.csv', status: 'imported', rows: 6 }),
    ]);
    const after = await h.store.counts();
    expect(after.nodes.Shipment ?? 0).toBe((before.nodes.Shipment ?? 0) + 6);
    const state = JobBody.parse((await admin.get(`/api/jobs/${job.id}`)).body);
    expect(state.job.state).toBe('succeeded');
    expect(h.services.audit.list({ limit: 10, action: 'ingest' }).map((e) => e.detail.outcome)).toEqual([
      'succeeded',
      'queued',
    ]);
    // The uploaded files are removed once the job is over.
    expect(readdirSync(join(h.dir, 'uploads'))).toEqual([]);
  });

  it('fails an invalid file with the row report, naming the uploaded file, and writes nothing', async () => {
    const before = await h.store.counts();
    const bad = declarationLine(10).replace(/2024-\d\d-\d\d/, '2024-13-45');
    const res = await admin
      .post('/api/jobs/ingest')
      .attach('file', csv([declarationLine(9), bad]), 'broken.csv');
    const { job } = JobBody.parse(res.body);
    const stream = await events(admin, job.id);
    const last = stream.at(-1);
    expect(last?.event).toBe('error');
    const failure = z
      .object({
        message: z.string(),
        total: z.number(),
        problems: z.array(z.object({ file: z.string(), row: z.number(), column: z.string().nullable() })),
      })
      .parse(last?.data);
    expect(failure.total).toBeGreaterThan(0);
    expect(failure.problems[0]).toMatchObject({ file: 'broken.csv', row: 2 });
    expect(JSON.stringify(failure)).not.toContain(h.dir);
    expect(await h.store.counts()).toEqual(before);
  });

  it('runs detection as a job and stores the run', async () => {
    const res = await admin.post('/api/jobs/detect').send({ seed: 3 });
    expect(res.status).toBe(202);
    const { job } = JobBody.parse(res.body);
    const stream = await events(admin, job.id);
    expect(stream.at(-1)?.event).toBe('result');
    const result = z.object({ runId: z.string(), rings: z.number() }).parse(stream.at(-1)?.data);
    expect((await h.store.lastRun())?.runId).toBe(result.runId);
    expect((await h.store.lastRun())?.seed).toBe(3);
  });

  it('refuses oversized uploads (413), JSON bodies (415), no file, unknown presets and stray fields', async () => {
    const big = await admin.post('/api/jobs/ingest').attach('file', Buffer.alloc(65 * 1024, 'a'), 'big.csv');
    expect(big.status).toBe(413);
    expect((await admin.post('/api/jobs/ingest').send({ file: 'x' })).status).toBe(415);
    expect((await admin.post('/api/jobs/ingest').field('preset', 'kcs')).status).toBe(400);
    const preset = await admin
      .post('/api/jobs/ingest')
      .field('preset', 'nope')
      .attach('file', csv([declarationLine(1)]), 'd.csv');
    expect(errorOf(preset).message).toContain('unknown preset');
    expect(
      (
        await admin
          .post('/api/jobs/ingest')
          .field('cmd', 'x')
          .attach('file', csv([declarationLine(1)]), 'd.csv')
      ).status,
    ).toBe(400);
    expect((await admin.post('/api/jobs/detect').send({ seed: -1 })).status).toBe(400);
    expect((await admin.get('/api/jobs/J-000000000000')).status).toBe(404);
    expect((await admin.get('/api/jobs/../../etc')).status).toBe(404);
  });
});

describe('SSE ordering', () => {
  it('delivers every progress event in order, then the result, to early and late subscribers', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fake: Pipelines = {
      ingest: () => Promise.reject(new Error('not used')),
      async detect({ onProgress }) {
        await gate;
        for (let i = 1; i <= 20; i++) {
          onProgress({ phase: 'detector', done: i, total: 20 });
          await new Promise((resolve) => setImmediate(resolve));
        }
        return { ok: true };
      },
    };
    const h = await startHarness({ pipelines: fake, fixture: false });
    try {
      const admin = await h.as('admin');
      const { job } = JobBody.parse((await admin.post('/api/jobs/detect').send({})).body);
      const early = events(admin, job.id);
      // The early subscriber is connected before the work starts, so it sees live events.
      while (h.services.jobs.subscriberCount(job.id) === 0)
        await new Promise((resolve) => setImmediate(resolve));
      release();
      const live = await early;
      const late = await events(admin, job.id);
      for (const stream of [live, late]) {
        const progress = stream
          .filter((e) => e.event === 'progress')
          .map((e) => z.object({ done: z.number() }).parse(e.data).done);
        expect(progress).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(stream.at(-1)).toEqual({ event: 'result', data: { ok: true } });
      }
    } finally {
      await h.close();
    }
  });

  it('answers 503 for jobs when the server has no pipelines', async () => {
    const h = await startHarness({ fixture: false });
    try {
      expect((await (await h.as('admin')).post('/api/jobs/detect').send({})).status).toBe(503);
    } finally {
      await h.close();
    }
  });
});
