// Progress of long work as plain lines on stderr — silent when stderr is not a terminal and
// machine output (--json) was asked, so piped JSON stays clean.
export interface ProgressSink {
  line(text: string): void;
}

export function progressSink(json: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  const quiet = json && !stream.isTTY;
  return { line: (text) => void (quiet || stream.write(`${text}\n`)) };
}

export const SILENT: ProgressSink = { line: () => undefined };
