// The worker thread of csv-worker.ts: runs scanCsv on the file it is given and posts each
// batch of records as it comes, with the problems found meanwhile, at most BATCHES_AHEAD
// batches ahead of the thread that validates them (which acknowledges each one).
import { parentPort, workerData } from 'node:worker_threads';
import { scanCsv } from './csv-scan.js';

/** Batches (of ~1 MB of CSV each) parsed ahead of the validating thread at most. */
const BATCHES_AHEAD = 4;

async function serve(port, path) {
  let problems = [];
  const log = {
    add(row, column, code, message) {
      problems.push({ row, column, code, message });
    },
  };
  let ahead = 0;
  let resume = null;
  port.on('message', (message) => {
    if (message.kind !== 'ack') return;
    ahead -= 1;
    resume?.();
    resume = null;
  });
  const scan = scanCsv(path, log);
  try {
    for await (const records of scan.batches()) {
      port.postMessage({ kind: 'batch', problems, records, bytes: scan.bytes });
      problems = [];
      ahead += 1;
      while (ahead >= BATCHES_AHEAD) await new Promise((resolve) => (resume = resolve));
    }
    port.postMessage({
      kind: 'end',
      problems,
      hash: scan.hash,
      bytes: scan.bytes,
      invalidUtf8: scan.invalidUtf8,
    });
  } catch (error) {
    port.postMessage({
      kind: 'failed',
      code: error?.code,
      message: error instanceof Error ? error.message : String(error),
    });
  }
  port.close();
}

if (parentPort && typeof workerData?.path === 'string') void serve(parentPort, workerData.path);
