// `npm run bench -- scoring`: where one `POST /api/declarations/score` of a 5-line declaration
// spends its time in process, step by step, without HTTP: the body's validation, the scoring
// service (lines, features and trees, reasons, the parties from the party index), the audit
// entry, and the answer's JSON. Less noisy than the loopback figures of `npm run bench -- api` on
// a shared machine, and it says which step to work on. It uses the world, store and model that
// `RINGSCOPE_BENCH_SIZE=small npm run bench -- api` keeps (run that first), and TreeSHAP's
// lines/s over the world's first 2,000 lines.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppDb } from '../server/app-db.ts';
import { AuditLog } from '../server/audit.ts';
import { DeclarationScoring } from '../server/services/declaration-scoring.ts';
import { PartyIndex } from '../server/services/party-index.ts';
import { loadRiskModel } from '../server/services/risk-model.ts';
import { ScoreDeclarationBody } from '../src/api/risk.ts';
import { readDeclarationLines } from '../src/cli/commands/risk-input.ts';
import { binMatrix } from '../src/risk/binning.ts';
import { buildMatrix } from '../src/risk/features.ts';
import { treeExplainer } from '../src/risk/shap.ts';
import { declarationBody } from './support/declaration-body.ts';
import { openStore } from '../src/store/open.ts';
import { writeResults } from './results.ts';

const ROUNDS = 2000;

/**
 * Mean CPU ms per call (user + system) over `rounds` calls, after as many uncounted ones: on a
 * shared machine CPU time is the steadier figure (wall time counts the other jobs' turns too).
 */
async function perCall(rounds: number, f: () => unknown): Promise<number> {
  for (let i = 0; i < rounds; i++) await f();
  const start = process.cpuUsage();
  for (let i = 0; i < rounds; i++) await f();
  const used = process.cpuUsage(start);
  return Math.round(((used.user + used.system) / 1000 / rounds) * 1000) / 1000;
}

export async function run(): Promise<void> {
  const size = process.env.RINGSCOPE_BENCH_SIZE ?? 'small';
  const dir = join(tmpdir(), `ringscope-bench-api-${size}`);
  const modelPath = join(dir, 'risk-model.json');
  if (!existsSync(modelPath))
    throw new Error(`bench scoring: run RINGSCOPE_BENCH_SIZE=${size} npm run bench -- api first`);
  const loaded = loadRiskModel(modelPath)!;
  const { lines } = await readDeclarationLines(join(dir, 'world', 'declarations.csv'), {});
  const raw = JSON.stringify(declarationBody('BENCH-ARRIVAL-1', lines.slice(0, 5)));
  const store = await openStore({ db: join(dir, 'graph.db') });
  const auditDir = await mkdtemp(join(tmpdir(), 'ringscope-bench-scoring-'));
  const appDb = openAppDb(join(auditDir, 'app.db'));
  try {
    const parties = new PartyIndex(store);
    const buildStart = performance.now();
    await parties.current();
    const partyIndexBuildMs = Math.round(performance.now() - buildStart);
    const scoring = new DeclarationScoring(loaded, parties);
    const body = ScoreDeclarationBody.parse(JSON.parse(raw));
    const answer = await scoring.score(body);
    const audit = new AuditLog(appDb);
    const sample = lines.slice(0, 2000);
    const bins = binMatrix(loaded.model.trees.features, buildMatrix(loaded.model.plan, sample));
    const explain = treeExplainer(loaded.model.trees);
    const shapMs = await perCall(3, () => {
      for (let r = 0; r < sample.length; r++) explain(bins, r);
    });
    const shapLinesPerSecond = Math.round(sample.length / (shapMs / 1000));
    const steps = {
      'JSON.parse + zod body': await perCall(ROUNDS, () => ScoreDeclarationBody.parse(JSON.parse(raw))),
      'score, reasons flagged (default)': await perCall(ROUNDS, () => scoring.score(body)),
      'score, reasons all': await perCall(ROUNDS, () => scoring.score(body, { reasons: 'all' })),
      'audit entry (SQLite + anchor file)': await perCall(ROUNDS, () =>
        audit.append({ action: 'score', username: 'bench', requestId: 'r', target: 'BENCH', detail: {} }),
      ),
      'answer JSON': await perCall(ROUNDS, () => JSON.stringify(answer)),
    };
    console.log(
      `scoring a ${body.lines.length}-line declaration in process, CPU ms per call (mean of ${ROUNDS}):`,
    );
    for (const [step, ms] of Object.entries(steps)) console.log(`  ${step.padEnd(38)} ${ms}`);
    console.log(
      `party index built in ${partyIndexBuildMs} ms; TreeSHAP ${shapLinesPerSecond} lines/s of CPU`,
    );
    await writeResults('scoring', {
      size,
      lines: body.lines.length,
      trees: loaded.model.trees.trees.length,
      cpuMsPerCall: steps,
      partyIndexBuildMs,
      shapLinesPerSecond,
    });
  } finally {
    appDb.close();
    await store.close();
    await rm(auditDir, { recursive: true, force: true });
  }
}
