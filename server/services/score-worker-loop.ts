// The scoring thread: it holds the model the server last sent it (trees, leaf tables for the
// reasons) and answers each declaration's lines with their scores, lanes and reasons, so the
// costly part of a score (TreeSHAP) runs beside the server's thread instead of on it. It reads
// no store: the lines arrive with their network facts, taken from the server's party index.
import { parentPort } from 'node:worker_threads';
import { gbdtFromJson } from '../../src/risk/gbdt-json.ts';
import { prepareExplainer } from '../../src/risk/scored.ts';
import { scoreInOrder, type ScorableModel } from './line-scorer.ts';
import type { ScoreMessage, ScoreReply } from './score-worker.ts';

const port = parentPort;
if (!port) throw new Error('score-worker-loop.ts runs on a worker thread');

let current: { hash: string; loaded: ScorableModel } | null = null;

function answer(message: Extract<ScoreMessage, { id: number }>): void {
  const served = current;
  if (served?.hash !== message.model) {
    port!.postMessage({
      id: message.id,
      error: `the scoring thread holds model ${served?.hash ?? 'none'}, not ${message.model}`,
    } satisfies ScoreReply);
    return;
  }
  scoreInOrder(served.loaded, message.lines, message.reasons).then(
    (scores) => port!.postMessage({ id: message.id, model: served.hash, scores } satisfies ScoreReply),
    (error: unknown) =>
      port!.postMessage({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies ScoreReply),
  );
}

port.on('message', (message: ScoreMessage) => {
  if ('file' in message) {
    // The server checked the file (kind, version, content hash) when it loaded it.
    const model = { plan: message.file.plan, trees: gbdtFromJson(message.file.trees) };
    prepareExplainer(model);
    current = { hash: message.file.contentHash, loaded: { model, file: message.file } };
    return;
  }
  answer(message);
});
