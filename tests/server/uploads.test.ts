// Uploads at their edges: a file over the size cap is refused promptly with nothing left behind
// (no partial file, no job folder, no open descriptor), a multipart body without a boundary is a
// 400, and a UTF-8 file name comes back as the user wrote it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DECLARATIONS_HEADER, declarationLine } from '../../bench/support/generate-declarations.ts';
import { PIPELINES } from '../../server/pipelines.ts';
import { errorOf } from './support/body.ts';
import { startHarness, type Agent, type Harness } from './support/harness.ts';

const CAP_BYTES = 256 * 1024;
const csv = (lines: string[]) => Buffer.from(`${DECLARATIONS_HEADER}\n${lines.join('\n')}\n`);
const openDescriptors = () => readdirSync('/proc/self/fd').length;
const uploadEntries = (h: Harness) => {
  try {
    return readdirSync(join(h.dir, 'uploads'));
  } catch {
    return [];
  }
};

/** Rejects when the promise has not settled in time, so a hung request fails with a reason. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe('uploads', () => {
  let h: Harness;
  let admin: Agent;
  beforeAll(async () => {
    h = await startHarness({ pipelines: PIPELINES, config: { uploadMaxBytes: CAP_BYTES } });
    admin = await h.as('admin');
  });
  afterAll(() => h.close());

  it('answers a file over the cap with 413 naming the limit, and leaves no file, folder or descriptor', async () => {
    // Warm up: the first request opens what the server keeps open (the app database, sockets).
    await admin.get('/api/auth/me');
    const before = openDescriptors();
    // Just over the cap (the part ends in the chunk that crosses it) and eight times the cap
    // (most of the body is still arriving when the cap is reached).
    for (const size of [CAP_BYTES + 1024, 8 * CAP_BYTES, CAP_BYTES + 1024, 8 * CAP_BYTES, 8 * CAP_BYTES]) {
      const res = await within(
        10_000,
        Promise.resolve(admin.post('/api/jobs/ingest').attach('file', Buffer.alloc(size, 'a'), 'big.csv')),
      );
      expect(res.status).toBe(413);
      expect(errorOf(res)).toMatchObject({ code: 'too_large' });
      expect(errorOf(res).message).toContain('big.csv is larger than the upload limit of 0.25 MB');
    }
    expect(uploadEntries(h)).toEqual([]);
    // Give closed sockets a moment to be released before counting.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(openDescriptors()).toBeLessThanOrEqual(before);
  });

  it('answers multipart without a boundary with 400', async () => {
    const res = await admin
      .post('/api/jobs/ingest')
      .set('Content-Type', 'multipart/form-data')
      .send(Buffer.from('--x\r\n\r\n'));
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'invalid_request' });
    expect(errorOf(res).message).toContain('boundary');
    expect(uploadEntries(h)).toEqual([]);
  });

  it('keeps a UTF-8 file name as the user wrote it, in the answer, the job result and the audit trail', async () => {
    const name = 'déclarations-été.csv';
    const res = await admin.post('/api/jobs/ingest').attach('file', csv([declarationLine(1)]), name);
    expect(res.status).toBe(202);
    const { job } = z.object({ job: z.object({ id: z.string() }) }).parse(res.body);
    const queued = h.services.audit.list({ limit: 1, action: 'ingest' })[0];
    expect(queued?.detail.files).toEqual([{ name, bytes: expect.any(Number) as number }]);
    let state: { state: string; result?: unknown } = { state: 'queued' };
    while (state.state === 'queued' || state.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      state = z
        .object({ job: z.object({ state: z.string(), result: z.unknown().optional() }) })
        .parse((await admin.get(`/api/jobs/${job.id}`)).body).job;
    }
    expect(state.state).toBe('succeeded');
    expect(JSON.stringify(state.result)).toContain(name);
    expect(JSON.stringify(state.result)).not.toContain('Ã');
  });

  it('refuses a file name that could disguise itself (U+202E, control characters)', async () => {
    const bidi = await admin
      .post('/api/jobs/ingest')
      .attach('file', csv([declarationLine(1)]), 'invoice\u202Evsc.exe');
    expect(bidi.status).toBe(400);
    expect(errorOf(bidi).message).toMatch(/^a file name contains a bidirectional control character/);
    // A raw control character in a part's header: refused, by the parser or by the name check.
    const esc = await admin
      .post('/api/jobs/ingest')
      .attach('file', csv([declarationLine(1)]), 'a\u001b[2Jb.csv');
    expect(esc.status).toBe(400);
    expect(uploadEntries(h)).toEqual([]);
  });
});
