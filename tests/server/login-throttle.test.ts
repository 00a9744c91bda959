// The failure counter behind the login throttle: per pair, per client, only failures, a window
// that ends, and bounded tables.
import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../server/auth/login-throttle.ts';

const MINUTE = 60_000;

function throttle(options: { maxEntries?: number } = {}) {
  const clock = { now: 1_000_000 };
  const t = new LoginThrottle({
    maxFailures: 5,
    maxClientFailures: 20,
    windowMs: 15 * MINUTE,
    now: () => clock.now,
    ...options,
  });
  return { t, clock };
}

describe('LoginThrottle', () => {
  it('holds a pair after its 5th failure until the window ends, and no other pair', () => {
    const { t, clock } = throttle();
    for (let i = 0; i < 4; i++) t.failed('admin', '10.0.0.1');
    expect(t.waitSeconds('admin', '10.0.0.1')).toBe(0);
    t.failed('admin', '10.0.0.1');
    expect(t.waitSeconds('admin', '10.0.0.1')).toBe(15 * 60);
    expect(t.waitSeconds('admin', '10.0.0.2')).toBe(0);
    expect(t.waitSeconds('officer', '10.0.0.1')).toBe(0);
    clock.now += 10 * MINUTE;
    expect(t.waitSeconds('admin', '10.0.0.1')).toBe(5 * 60);
    clock.now += 5 * MINUTE;
    expect(t.waitSeconds('admin', '10.0.0.1')).toBe(0);
  });

  it('clears a pair on success but keeps the client’s count across accounts', () => {
    const { t } = throttle();
    for (let i = 0; i < 4; i++) t.failed('admin', '10.0.0.1');
    t.succeeded('admin', '10.0.0.1');
    for (let i = 0; i < 4; i++) t.failed('admin', '10.0.0.1');
    expect(t.waitSeconds('admin', '10.0.0.1')).toBe(0);
    for (let i = 0; i < 12; i++) t.failed(`user-${i}`, '10.0.0.1');
    // 20 failures from 10.0.0.1 in all: it waits on every account, others do not.
    expect(t.waitSeconds('someone-else', '10.0.0.1')).toBeGreaterThan(0);
    expect(t.waitSeconds('someone-else', '10.0.0.2')).toBe(0);
  });

  it('stays within its bound, dropping expired entries first and then the oldest', () => {
    const { t, clock } = throttle({ maxEntries: 100 });
    for (let i = 0; i < 1000; i++) t.failed(`user-${i}`, `10.0.${i >> 8}.${i & 255}`);
    expect(t.size).toEqual({ pairs: 100, clients: 100 });
    for (let i = 0; i < 5; i++) t.failed('admin', '10.9.9.9');
    expect(t.waitSeconds('admin', '10.9.9.9')).toBeGreaterThan(0);
    clock.now += 16 * MINUTE;
    t.failed('admin', '10.9.9.8');
    expect(t.size.pairs).toBeLessThanOrEqual(100);
    expect(t.waitSeconds('admin', '10.9.9.9')).toBe(0);
  });
});
