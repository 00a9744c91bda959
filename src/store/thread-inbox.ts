// The messages of a worker thread, taken in order by an async loop: `next()` answers the next
// message, waiting for one, or throws once none is left and the thread has failed or stopped
// (its error, or "the NAME thread stopped (exit code N)"). Used by the threads that read for the
// main one: the CSV reader of an ingest and the line reader of the projection.
import type { Worker } from 'node:worker_threads';

export interface ThreadInbox<Message> {
  next(): Promise<Message>;
  /** Stops listening and ends the thread (its stopping is then no failure). */
  close(): Promise<void>;
}

export function threadInbox<Message>(worker: Worker, name: string): ThreadInbox<Message> {
  const inbox: Message[] = [];
  // Set by the thread's events, read by next().
  const state: { wake: (() => void) | null; failure: Error | null } = { wake: null, failure: null };
  const arrived = (): void => {
    state.wake?.();
    state.wake = null;
  };
  worker.on('message', (message: Message) => {
    inbox.push(message);
    arrived();
  });
  worker.on('error', (error) => {
    state.failure = error;
    arrived();
  });
  worker.on('exit', (code) => {
    state.failure ??= new Error(`the ${name} thread stopped (exit code ${code})`);
    arrived();
  });
  return {
    async next() {
      for (;;) {
        if (inbox.length > 0) return inbox.shift()!;
        if (state.failure) throw state.failure;
        await new Promise<void>((resolve) => (state.wake = resolve));
      }
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
