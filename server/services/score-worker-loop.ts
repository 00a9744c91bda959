// The scoring thread: it holds the model the server last sent it (trees, leaf tables for the
// reasons) and answers each declaration's lines with their scores, lanes and reasons, so the
// costly part of a score (TreeSHAP) runs beside the server's thread instead of on it. It reads
// no store: the lines arrive with their network facts, taken from the server's party index.
// Messages come in batches, taken in order; the answers finished in one turn go back in one.
import { parentPort } from 'node:worker_threads';
import { gbdtFromJson } from '../../src/risk/gbdt-json.ts';
import { prepareExplainer } from '../../src/risk/scored.ts';
import { scorePosted, type PostedLines, type ScorableModel } from './line-scorer.ts';
import type { ScoreMessage, ScoreReply } from './score-worker.ts';

const port = parentPort;
if (!port) throw new Error('score-worker-loop.ts runs on a worker thread');

let current: { hash: string; loaded: ScorableModel } | null = null;
let outbox: ScoreReply[] = [];

function reply(answer: ScoreReply): void {
  outbox.push(answer);
  if (outbox.length > 1) return;
  setImmediate(() => {
    const batch = outbox;
    outbox = [];
    port!.postMessage(batch);
  });
}

function answer(message: Extract<ScoreMessage, { id: number }>): void {
  const served = current;
  const { id } = message;
  if (served?.hash !== message.model) {
    reply({ id, error: `the scoring thread holds model ${served?.hash ?? 'none'}, not ${message.model}` });
    return;
  }
  const posted = JSON.parse(message.lines) as PostedLines;
  scorePosted(served.loaded, posted, message.reasons).then(
    (scores) => reply({ id, model: served.hash, scores: JSON.stringify(scores) }),
    (error: unknown) =>
      reply({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
}

port.on('message', (batch: ScoreMessage[]) => {
  for (const message of batch) {
    if ('file' in message) {
      // The server checked the file (kind, version, content hash) when it loaded it.
      const model = { plan: message.file.plan, trees: gbdtFromJson(message.file.trees) };
      prepareExplainer(model);
      current = { hash: message.file.contentHash, loaded: { model, file: message.file } };
    } else answer(message);
  }
});
