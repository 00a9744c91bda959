// Following the risk stream with a fake stream and fake lists: what is read when it opens and
// when it reopens (alerts after the last one seen), events becoming actions, malformed events
// ignored, and a stream the server closed said so.
import { describe, expect, it } from 'vitest';
import type { Alert, LiveDeclaration } from '../../client/src/api/schemas.ts';
import { followRiskFeed, STREAM_CLOSED, type StreamLike } from '../../client/src/panels/live/follow.ts';
import { INITIAL_LIVE, liveReducer, type LiveAction, type LiveState } from '../../client/src/state/live.ts';

class FakeStream implements StreamLike {
  readyState = 0;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data?: unknown): void {
    const event = { data: data === undefined ? undefined : JSON.stringify(data) } as MessageEvent;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const alert = (id: number): Alert => ({
  id,
  kind: 'red_lane',
  declaration_id: `D-${id}`,
  line: 1,
  party_key: 'Importer:IM-1',
  score: 0.9,
  lane: 'red',
  reasons: ['importer past seizure rate 31% (+1.20)'],
  model: 'sha256:abc',
  created_at: '2026-12-07T10:00:00.000Z',
  acknowledged_by: null,
  acknowledged_at: null,
});

const declaration = (id: string): LiveDeclaration => ({
  declaration_id: id,
  scored_at: '2026-12-07T10:00:00.000Z',
  scored_by: 'enforcement',
  stored: false,
  lane: 'red',
  importer_key: 'Importer:IM-1',
  model: `sha256:${'0'.repeat(64)}`,
  lines: [{ line: 1, score: 0.9, lane: 'red', reasons: [] }],
});

/** Settles the feed's pending reads. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function harness(answers: { alerts: Alert[][]; declarations?: LiveDeclaration[] }) {
  const stream = new FakeStream();
  const asked: (number | undefined)[] = [];
  let state: LiveState = INITIAL_LIVE;
  const seen = { connected: [] as boolean[], errors: [] as (string | null)[] };
  const stop = followRiskFeed(
    {
      open: () => stream,
      live: () => Promise.resolve({ declarations: answers.declarations ?? [] }),
      openAlerts: (after) => {
        asked.push(after);
        return Promise.resolve({ alerts: answers.alerts[asked.length - 1] ?? [] });
      },
    },
    {
      dispatch: (action: LiveAction) => (state = liveReducer(state, action)),
      lastAlertId: () => state.lastAlertId,
      connected: (open) => seen.connected.push(open),
      error: (message) => seen.errors.push(message),
    },
  );
  return { stream, asked, seen, stop, state: () => state };
}

describe('following the risk stream', () => {
  it('reads the lists at once, then the alerts after the last one seen each time the stream opens', async () => {
    const h = harness({ alerts: [[alert(4), alert(2)], [], [alert(5)]], declarations: [declaration('A')] });
    await settle();
    expect(h.asked).toEqual([undefined]);
    h.stream.readyState = 1;
    h.stream.emit('open');
    await settle();
    h.stream.readyState = 0;
    h.stream.emit('error');
    h.stream.readyState = 1;
    h.stream.emit('open');
    await settle();
    expect(h.asked).toEqual([undefined, 4, 4]);
    expect(h.state().alerts.map((a) => a.id)).toEqual([5, 4, 2]);
    expect(h.state().declarations.map((d) => d.declaration_id)).toEqual(['A']);
    expect(h.seen.connected).toEqual([true, false, true]);
  });

  it('turns scored and alert events into the live lane and open alerts, ignoring malformed ones', async () => {
    const h = harness({ alerts: [[]] });
    await settle();
    h.stream.emit('scored', declaration('B'));
    h.stream.emit('alert', alert(9));
    h.stream.emit('alert', { id: 'not an alert' });
    h.stream.emit('scored', undefined);
    expect(h.state().declarations.map((d) => d.declaration_id)).toEqual(['B']);
    expect(h.state().alerts.map((a) => a.id)).toEqual([9]);
    expect(h.state().lastAlertId).toBe(9);
  });

  it('says so when the server closed the stream, and closes it when stopped', async () => {
    const h = harness({ alerts: [[]] });
    await settle();
    h.stream.readyState = 2;
    h.stream.emit('error');
    expect(h.seen.errors.at(-1)).toBe(STREAM_CLOSED);
    h.stop();
    expect(h.stream.closed).toBe(true);
  });

  it('shows a failed read as an error, and clears it when a read succeeds', async () => {
    const stream = new FakeStream();
    const errors: (string | null)[] = [];
    let fail = true;
    followRiskFeed(
      {
        open: () => stream,
        live: () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve({ declarations: [] })),
        openAlerts: () => Promise.resolve({ alerts: [] }),
      },
      {
        dispatch: () => undefined,
        lastAlertId: () => 0,
        connected: () => undefined,
        error: (m) => errors.push(m),
      },
    );
    await settle();
    fail = false;
    stream.emit('open');
    await settle();
    expect(errors).toEqual(['offline', null]);
  });
});
