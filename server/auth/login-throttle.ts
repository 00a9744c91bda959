// Failed sign-ins, counted in memory per (account, client address) pair and per client address.
// A pair that failed `maxFailures` times in the window waits until the window ends; so does a
// client address that failed `maxClientFailures` times across any accounts (password spraying).
// Only failures count, never sign-ins still in flight or that succeeded, so nobody can lock
// someone else's account: a client that has not been failing signs in whatever others do.
// Both tables are bounded: when full, expired entries go first, then the oldest.

export interface ThrottleOptions {
  maxFailures: number;
  maxClientFailures: number;
  windowMs: number;
  /** Most entries per table (pairs, clients); default 20,000 each (a few MB). */
  maxEntries?: number;
  now?: () => number;
}

interface Window {
  failures: number;
  /** When the window that began with the first failure ends (ms since the epoch). */
  endsAt: number;
}

/** A fixed window of failures per key, with a bounded number of keys. */
class FailureWindows {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number,
  ) {}

  get size(): number {
    return this.windows.size;
  }

  /** Failures in the current window, and when it ends; null when there are none. */
  current(key: string, now: number): Window | null {
    const window = this.windows.get(key);
    if (!window) return null;
    if (window.endsAt > now) return window;
    this.windows.delete(key);
    return null;
  }

  add(key: string, now: number): void {
    const window = this.current(key, now);
    if (window) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= this.maxEntries) this.makeRoom(now);
    this.windows.set(key, { failures: 1, endsAt: now + this.windowMs });
  }

  delete(key: string): void {
    this.windows.delete(key);
  }

  private makeRoom(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    // Still full: the oldest windows (first inserted, so first to end) make way.
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxEntries) break;
      this.windows.delete(key);
    }
  }
}

export class LoginThrottle {
  private readonly pairs: FailureWindows;
  private readonly clients: FailureWindows;
  private readonly now: () => number;

  constructor(private readonly options: ThrottleOptions) {
    const maxEntries = options.maxEntries ?? 20_000;
    this.pairs = new FailureWindows(options.windowMs, maxEntries);
    this.clients = new FailureWindows(options.windowMs, maxEntries);
    this.now = options.now ?? Date.now;
  }

  /** Seconds this client must wait before trying this account again; 0 when it may try now. */
  waitSeconds(account: string, client: string): number {
    const now = this.now();
    const pair = this.pairs.current(pairKey(account, client), now);
    const byClient = this.clients.current(client, now);
    const until = Math.max(
      pair && pair.failures >= this.options.maxFailures ? pair.endsAt : 0,
      byClient && byClient.failures >= this.options.maxClientFailures ? byClient.endsAt : 0,
    );
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  failed(account: string, client: string): void {
    const now = this.now();
    this.pairs.add(pairKey(account, client), now);
    this.clients.add(client, now);
  }

  /** A correct password clears the pair's failures (the client's count across accounts stays). */
  succeeded(account: string, client: string): void {
    this.pairs.delete(pairKey(account, client));
  }

  /** Entries held, for tests of the bound. */
  get size(): { pairs: number; clients: number } {
    return { pairs: this.pairs.size, clients: this.clients.size };
  }
}

const pairKey = (account: string, client: string) => `${client}\n${account}`;
