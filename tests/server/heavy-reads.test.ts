// Heavy reads over HTTP on the embedded store: with read threads they answer exactly what the
// server's own thread answers (and keep answering while the server's connection fails, so they
// ran elsewhere); a user beyond their share, or a full queue, gets 503 with Retry-After and the
// shared error body, while a light route (/api/auth/me) answers at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBody } from '../../src/api/errors.ts';
import { SubgraphAnswer } from '../../src/api/graph.ts';
import { SignedInAnswer } from '../../src/api/users.ts';
import { StoreError } from '../../src/store/errors.ts';
import type { Subgraph } from '../../src/model/index.ts';
import type { NeighbourhoodQuery } from '../../src/store/graph-store.ts';
import { testConfig } from '../../server/config.ts';
import { startHarness, type Harness } from './support/harness.ts';

const key = (k: string) => encodeURIComponent(k);
const HEAVY = [
  `/api/nodes/${key('Importer:IM-001')}/neighbourhood?hops=2`,
  `/api/nodes/${key('Address:12 dock road london')}/neighbourhood?hops=3&minRisk=0.1`,
  `/api/paths?from=${key('Importer:IM-001')}&to=${key('Importer:IM-002')}&k=3`,
  '/api/search?q=alder',
  `/api/nodes/${key('Importer:NOPE')}/neighbourhood`,
];

let harnesses: Harness[] = [];
async function harness(heavyReads: Partial<ReturnType<typeof testConfig>['heavyReads']>) {
  const h = await startHarness({ config: { heavyReads: { ...testConfig().heavyReads, ...heavyReads } } });
  harnesses.push(h);
  return h;
}
afterEach(async () => {
  for (const h of harnesses) {
    await h.services.graphReads.close();
    await h.close();
  }
  harnesses = [];
});

describe('heavy reads on read threads (embedded store)', () => {
  it('answer the same status and body as in the server thread, off the server thread', async () => {
    const inline = await harness({ threads: 0 });
    const threaded = await harness({ threads: 2 });
    expect(inline.services.graphReads.threaded).toBe(false);
    expect(threaded.services.graphReads.threaded).toBe(true);
    const [a, b] = [await inline.as('investigator'), await threaded.as('investigator')];
    for (const path of HEAVY) {
      const [x, y] = [await a.get(path), await b.get(path)];
      expect({ path, status: y.status }).toEqual({ path, status: x.status });
      if (x.status === 200) expect(y.body).toEqual(x.body);
      else expect(ErrorBody.parse(y.body).error.code).toBe(ErrorBody.parse(x.body).error.code);
    }
    // The audit trail records the same reads with the same counts, whichever thread answered.
    const reads = (h: Harness) =>
      h.services.audit
        .list({ limit: 50 })
        .filter((e) => ['view_neighbourhood', 'view_paths', 'search'].includes(e.action))
        .map((e) => ({ action: e.action, target: e.target, detail: e.detail }));
    expect(reads(threaded)).toHaveLength(4);
    expect(reads(threaded)).toEqual(reads(inline));
    // The server's own connection now fails; the read threads have connections of their own.
    threaded.fault.error = new StoreError('unavailable', 'server connection down');
    const res = await b.get(HEAVY[0]!);
    expect(res.status).toBe(200);
    expect(SubgraphAnswer.parse(res.body).nodes.length).toBeGreaterThan(1);
  });
});

describe('heavy-read admission over HTTP', () => {
  it('answers 503 with Retry-After beyond a user share or a full queue, while /api/auth/me answers', async () => {
    const h = await harness({
      threads: 0,
      running: 2,
      queue: 1,
      perUserRunning: 2,
      perUserQueued: 1,
      queueWaitMs: 4000,
    });
    // Neighbourhood reads are held open until the test lets them go.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const real = h.store.neighbourhood.bind(h.store);
    Object.assign(h.store, {
      neighbourhood: async (q: NeighbourhoodQuery): Promise<Subgraph> => {
        await gate;
        return real(q);
      },
    });
    const [ann, bob] = [await h.as('investigator'), await h.as('case_officer')];
    const path = HEAVY[0]!;
    const held = [ann.get(path), ann.get(path), ann.get(path)].map((r) => r.then((x) => x));
    await vi.waitFor(() => expect(h.services.graphReads.load()).toEqual({ running: 2, queued: 1 }));

    const beyondShare = await ann.get(path);
    expect(beyondShare.status).toBe(503);
    expect(beyondShare.headers['retry-after']).toBe('4');
    expect(ErrorBody.parse(beyondShare.body).error.code).toBe('busy');

    const queueFull = await bob.get('/api/search?q=alder');
    expect(queueFull.status).toBe(503);
    expect(queueFull.headers['retry-after']).toBe('4');
    expect(ErrorBody.parse(queueFull.body).error.message).toMatch(/retry/);

    const me = await ann.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(SignedInAnswer.parse(me.body).user.username).toBe('investigator');

    release();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await bob.get('/api/search?q=alder')).status).toBe(200);
  });
});
