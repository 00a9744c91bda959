// A pino logger at info level whose JSON lines are kept in memory, for tests that read the logs.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

export function capturedLog(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}
