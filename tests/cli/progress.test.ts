// The one progress rule of the command line: redrawn on a terminal, plain lines when piped,
// silent when piped with --json so machine output stays clean.
import { describe, expect, it } from 'vitest';
import { progressMode, progressSink } from '../../src/cli/progress.ts';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = {
    isTTY,
    write: (chunk: string) => written.push(chunk) > 0,
  } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progressMode', () => {
  it.each([
    [true, false, 'terminal'],
    [true, true, 'terminal'],
    [false, false, 'lines'],
    [false, true, 'silent'],
  ] as const)('tty=%s json=%s → %s', (tty, json, mode) => {
    expect(progressMode(json, fakeStream(tty).stream)).toBe(mode);
  });
});

describe('progressSink', () => {
  it('writes one line per step when stderr is piped without --json', () => {
    const { stream, written } = fakeStream(false);
    progressSink(false, stream).line('projecting: 3 nodes');
    expect(written).toEqual(['projecting: 3 nodes\n']);
  });

  it('writes nothing when stderr is piped and --json is asked', () => {
    const { stream, written } = fakeStream(false);
    progressSink(true, stream).line('projecting: 3 nodes');
    expect(written).toEqual([]);
  });
});
