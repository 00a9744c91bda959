// Admission for heavy reads (neighbourhood, paths, search): at most `running` at once, a bounded
// queue in which a read waits at most `queueWaitMs`, and a per-user share (`perUserRunning`
// running plus `perUserQueued` waiting). What does not fit is refused at once with a
// HeavyReadRefused, which the API answers 503 with Retry-After: one user's flood waits behind
// its own share, never in front of everyone else's requests, and never past a client's time-out.
/** The limits; see the RINGSCOPE_HEAVY_* variables in server/config.ts. */
export interface HeavyReadLimits {
  running: number;
  queue: number;
  perUserRunning: number;
  perUserQueued: number;
  queueWaitMs: number;
}

export type RefusalReason = 'user_busy' | 'queue_full' | 'queue_timeout';

export class HeavyReadRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    /** Seconds after which a retry may be admitted (the Retry-After header). */
    readonly retryAfterS: number,
  ) {
    super(REFUSAL_MESSAGES[reason]);
    this.name = 'HeavyReadRefused';
  }
}

const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  user_busy:
    'you already have as many graph reads running and waiting as one user may; retry after the time given',
  queue_full: 'the server is answering as many graph reads as it can; retry after the time given',
  queue_timeout: 'the graph read waited too long for its turn; retry after the time given',
};

/** Timers, injectable so tests decide when a queued read times out. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface Waiting {
  user: string;
  start: () => void;
  refuse: (error: HeavyReadRefused) => void;
  timer: unknown;
}

interface Share {
  running: number;
  queued: number;
}

export class HeavyReads {
  private running = 0;
  private readonly queue: Waiting[] = [];
  private readonly shares = new Map<string, Share>();

  constructor(
    readonly limits: HeavyReadLimits,
    private readonly timers: Timers = realTimers,
  ) {}

  /** What is running and waiting now (for tests and the log). */
  load(): { running: number; queued: number } {
    return { running: this.running, queued: this.queue.length };
  }

  /** Runs the read when its turn comes, or refuses it (HeavyReadRefused) at once or at its time-out. */
  run<T>(user: string, read: () => Promise<T>): Promise<T> {
    const share = this.share(user);
    if (share.running < this.limits.perUserRunning && this.running < this.limits.running) {
      return this.start(user, read);
    }
    if (share.queued >= this.limits.perUserQueued) return Promise.reject(this.refusal('user_busy'));
    if (this.queue.length >= this.limits.queue) return Promise.reject(this.refusal('queue_full'));
    return new Promise<T>((resolve, reject) => {
      const waiting: Waiting = {
        user,
        start: () => void this.start(user, read).then(resolve, reject),
        refuse: reject,
        timer: this.timers.set(() => this.expire(waiting), this.limits.queueWaitMs),
      };
      share.queued += 1;
      this.queue.push(waiting);
    });
  }

  private share(user: string): Share {
    let share = this.shares.get(user);
    if (!share) this.shares.set(user, (share = { running: 0, queued: 0 }));
    return share;
  }

  private refusal(reason: RefusalReason): HeavyReadRefused {
    // A queued read waits at most queueWaitMs: by then the reads ahead of it have moved on.
    return new HeavyReadRefused(reason, Math.max(1, Math.ceil(this.limits.queueWaitMs / 1000)));
  }

  private async start<T>(user: string, read: () => Promise<T>): Promise<T> {
    const share = this.share(user);
    share.running += 1;
    this.running += 1;
    try {
      return await read();
    } finally {
      share.running -= 1;
      this.running -= 1;
      this.forget(user);
      this.next();
    }
  }

  private expire(waiting: Waiting): void {
    if (!this.dequeue(waiting)) return;
    waiting.refuse(this.refusal('queue_timeout'));
  }

  private dequeue(waiting: Waiting): boolean {
    const at = this.queue.indexOf(waiting);
    if (at < 0) return false;
    this.queue.splice(at, 1);
    this.timers.clear(waiting.timer);
    this.share(waiting.user).queued -= 1;
    this.forget(waiting.user);
    return true;
  }

  private forget(user: string): void {
    const share = this.shares.get(user);
    if (share && share.running === 0 && share.queued === 0) this.shares.delete(user);
  }

  /** Starts the longest-waiting reads whose users have a running slot free, while there is room. */
  private next(): void {
    for (let i = 0; i < this.queue.length && this.running < this.limits.running;) {
      const waiting = this.queue[i]!;
      if (this.share(waiting.user).running >= this.limits.perUserRunning) {
        i += 1;
        continue;
      }
      this.dequeue(waiting);
      waiting.start();
    }
  }
}
