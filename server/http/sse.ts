// Server-Sent Events for a stream that stays open: first the backlog a reconnecting client missed,
// then live events, each with its `id:` line, until the client goes away. A comment goes out at
// once (so a client knows the stream is subscribed) and then every heartbeat, which keeps idle
// proxies from closing a quiet stream. (The job stream, event-stream.ts, ends with its job.)
import type { Request, Response } from 'express';

export interface StreamEvent {
  id: number;
  event: string;
  data: unknown;
}

export const SSE_HEARTBEAT_MS = 15_000;

const frame = (e: StreamEvent): string =>
  `id: ${e.id}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;

/**
 * The caller reads the backlog and this subscribes in the same synchronous turn, so no event
 * falls between the two, and live events (published in later turns) follow the backlog.
 */
export function streamEvents(
  req: Request,
  res: Response,
  source: {
    backlog: readonly StreamEvent[];
    subscribe: (send: (event: StreamEvent) => void) => () => void;
  },
  heartbeatMs = SSE_HEARTBEAT_MS,
): undefined {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  const send = (event: StreamEvent) => res.write(frame(event));
  const unsubscribe = source.subscribe(send);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  });
  res.write(': connected\n\n');
  for (const event of source.backlog) send(event);
  return undefined;
}
