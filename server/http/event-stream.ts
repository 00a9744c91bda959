// Server-Sent Events for a job: every event so far, then live ones, until the terminal `result`
// or `error`; comments keep idle proxies from closing a quiet stream.
import type { Request, Response } from 'express';
import type { JobEvent } from '../services/jobs.ts';

const HEARTBEAT_MS = 15_000;

export function streamJobEvents(
  req: Request,
  res: Response,
  subscribe: (listener: (event: JobEvent) => void) => () => void,
): undefined {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  let seq = 0;
  let unsubscribe: () => void = () => undefined;
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const end = () => {
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  };
  const send = (event: JobEvent) => {
    res.write(`id: ${++seq}\nevent: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`);
    if (event.event !== 'progress') queueMicrotask(end);
  };
  req.on('close', end);
  unsubscribe = subscribe(send);
  return undefined;
}
