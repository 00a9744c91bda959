// The live side's events, to every open stream: `scored` (a declaration as the live lane shows
// it) and `alert`. Each event carries the highest alert id at the time it was sent, so a client's
// Last-Event-ID is the last alert it saw and a reconnect catches up on alerts only (the live lane
// is read back with GET /api/declarations/live).
import type { Alert, LiveDeclaration } from '../../src/api/alerts.ts';

export type LiveEvent =
  { event: 'scored'; id: number; data: LiveDeclaration } | { event: 'alert'; id: number; data: Alert };

type Listener = (event: LiveEvent) => void;

export class LiveEvents {
  private readonly listeners = new Set<Listener>();

  /** Calls the listener with every event published from now on; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** How many streams are open. */
  get subscribers(): number {
    return this.listeners.size;
  }
}
