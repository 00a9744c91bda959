// The heavy-read pool's admission: running slots, the per-user share, the bounded queue and its
// time-out, with reads held open by deferred promises and timers fired by hand.
import { describe, expect, it } from 'vitest';
import {
  HeavyReadRefused,
  HeavyReads,
  type HeavyReadLimits,
  type Timers,
} from '../../server/services/read-pool.ts';

function deferred() {
  let resolve!: (v: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

/** Timers that fire only when the test says so. */
function manualTimers(): Timers & { fireAll(): void; pending(): number } {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    set: (fn) => {
      timers.set(++next, fn);
      return next;
    },
    clear: (handle) => timers.delete(handle as number),
    fireAll: () => {
      const fns = [...timers.values()];
      timers.clear();
      for (const fn of fns) fn();
    },
    pending: () => timers.size,
  };
}

const LIMITS: HeavyReadLimits = {
  running: 2,
  queue: 3,
  perUserRunning: 2,
  perUserQueued: 1,
  queueWaitMs: 2500,
};

async function refusal(p: Promise<unknown>): Promise<HeavyReadRefused> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HeavyReadRefused);
  return error as HeavyReadRefused;
}

describe('HeavyReads', () => {
  it('runs up to the limit at once and starts a queued read when one ends', async () => {
    const pool = new HeavyReads(LIMITS, manualTimers());
    const [a, b, c] = [deferred(), deferred(), deferred()];
    const ra = pool.run('ann', () => a.promise);
    const rb = pool.run('bob', () => b.promise);
    let started = false;
    const rc = pool.run('cid', () => {
      started = true;
      return c.promise;
    });
    expect(pool.load()).toEqual({ running: 2, queued: 1 });
    expect(started).toBe(false);
    a.resolve('a');
    expect(await ra).toBe('a');
    expect(started).toBe(true);
    b.resolve('b');
    c.resolve('c');
    expect([await rb, await rc]).toEqual(['b', 'c']);
    expect(pool.load()).toEqual({ running: 0, queued: 0 });
  });

  it('refuses a user beyond their share (running plus queued) with a Retry-After, others still admitted', async () => {
    const timers = manualTimers();
    const pool = new HeavyReads({ ...LIMITS, running: 4 }, timers);
    const held = deferred();
    const mine = [pool.run('ann', () => held.promise), pool.run('ann', () => held.promise)];
    const queued = pool.run('ann', () => held.promise);
    const refused = await refusal(pool.run('ann', () => held.promise));
    expect(refused.reason).toBe('user_busy');
    expect(refused.retryAfterS).toBe(3);
    expect(await pool.run('bob', () => Promise.resolve('bob'))).toBe('bob');
    held.resolve('x');
    expect(await Promise.all([...mine, queued])).toEqual(['x', 'x', 'x']);
  });

  it('refuses when the queue is full', async () => {
    const pool = new HeavyReads({ ...LIMITS, queue: 1 }, manualTimers());
    const held = deferred();
    void pool.run('ann', () => held.promise);
    void pool.run('bob', () => held.promise);
    const waiting = pool.run('cid', () => Promise.resolve('cid'));
    expect((await refusal(pool.run('dan', () => Promise.resolve('dan')))).reason).toBe('queue_full');
    held.resolve('x');
    expect(await waiting).toBe('cid');
  });

  it('refuses a read that waited past the queue time-out, and never runs it', async () => {
    const timers = manualTimers();
    const pool = new HeavyReads(LIMITS, timers);
    const held = deferred();
    void pool.run('ann', () => held.promise);
    void pool.run('bob', () => held.promise);
    let ran = false;
    const waiting = pool.run('cid', () => {
      ran = true;
      return Promise.resolve('cid');
    });
    expect(timers.pending()).toBe(1);
    timers.fireAll();
    expect((await refusal(waiting)).reason).toBe('queue_timeout');
    expect(pool.load()).toEqual({ running: 2, queued: 0 });
    held.resolve('x');
    await Promise.resolve();
    expect(ran).toBe(false);
  });

  it('passes over a queued read whose user has no free slot to start the next user', async () => {
    const pool = new HeavyReads(
      { ...LIMITS, running: 2, perUserRunning: 1, perUserQueued: 2 },
      manualTimers(),
    );
    const [a, b] = [deferred(), deferred()];
    void pool.run('ann', () => a.promise);
    void pool.run('ann', () => Promise.resolve('ann-2'));
    const rb = pool.run('bob', () => b.promise);
    // ann's second waits for ann's first; bob took the free slot at once.
    expect(pool.load()).toEqual({ running: 2, queued: 1 });
    b.resolve('b');
    expect(await rb).toBe('b');
    expect(pool.load()).toEqual({ running: 1, queued: 1 });
    a.resolve('a');
  });

  it('frees the slot of a read that fails', async () => {
    const pool = new HeavyReads({ ...LIMITS, running: 1 }, manualTimers());
    await expect(pool.run('ann', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await pool.run('ann', () => Promise.resolve('ok'))).toBe('ok');
  });
});
