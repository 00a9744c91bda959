// The line-risk model on the KCS declarations: training time on train+valid (45,519 lines; goal
// under 20 s), batch scoring in lines/s (features, bins and trees; goal ≥ 100,000), reasons/s,
// and the precision table of `ringscope eval-kcs` (learned model, scikit-learn baseline, hand-set
// targeting, random, HS6 rule) from the same run. Wall and CPU time: on a shared machine CPU time
// is the steadier figure.
import { join } from 'node:path';
import { KCS_ATTRIBUTES, KCS_FILES, kcsRiskLine, readKcsFile, runKcsEvaluation } from '../src/eval/kcs.ts';
import { binMatrix } from '../src/risk/binning.ts';
import { buildMatrix } from '../src/risk/features.ts';
import { predictBinned } from '../src/risk/gbdt.ts';
import { scoreProbability, trainRiskModel } from '../src/risk/model.ts';
import { treeExplainer } from '../src/risk/shap.ts';
import { formatKcsReport } from '../src/cli/commands/eval-kcs.ts';
import { writeResults } from './results.ts';

const DIR = new URL('../datasets/kcs-customs-declarations/', import.meta.url).pathname;
const GOALS = { trainSeconds: 20, linesPerSecond: 100_000 };
const SCORED_LINES = 200_000;

function timed<T>(f: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = f();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

export async function run(): Promise<void> {
  const [train, valid, test] = await Promise.all(
    [KCS_FILES.train, KCS_FILES.valid, KCS_FILES.test].map((f) => readKcsFile(join(DIR, f))),
  );
  const fitted = [...train!, ...valid!].map(kcsRiskLine);
  const testLines = test!.map(kcsRiskLine);
  const options = { features: { attributes: [...KCS_ATTRIBUTES] } };
  trainRiskModel(fitted.slice(0, 2000), options); // warm the JIT
  const training = timed(() => trainRiskModel(fitted, options));
  const model = training.value;
  console.log(
    `training on ${fitted.length} lines: ${round(training.wallMs / 1000)} s wall, ${round(training.cpuMs / 1000)} s CPU (goal < ${GOALS.trainSeconds} s)`,
  );

  const batch = Array.from({ length: SCORED_LINES }, (_, i) => testLines[i % testLines.length]!);
  scoreProbability(model, batch.slice(0, 5000));
  const scoring = timed(() => scoreProbability(model, batch));
  const bins = binMatrix(model.trees.features, buildMatrix(model.plan, batch));
  const trees = timed(() => predictBinned(model.trees, bins));
  const explain = treeExplainer(model.trees);
  const reasons = timed(() => {
    for (let r = 0; r < 2000; r++) explain(bins, r);
  });
  const linesPerSecond = SCORED_LINES / (scoring.wallMs / 1000);
  console.log(
    `batch scoring ${SCORED_LINES} lines: ${Math.round(linesPerSecond).toLocaleString('en')} lines/s wall ` +
      `(${Math.round(SCORED_LINES / (scoring.cpuMs / 1000)).toLocaleString('en')} per CPU s; goal ≥ ${GOALS.linesPerSecond.toLocaleString('en')}); ` +
      `trees alone ${Math.round(SCORED_LINES / (trees.wallMs / 1000)).toLocaleString('en')} lines/s; ` +
      `TreeSHAP reasons ${Math.round(2000 / (reasons.wallMs / 1000)).toLocaleString('en')} lines/s`,
  );

  const report = await runKcsEvaluation(DIR, {
    seed: 1,
    randomDraws: 100,
    learnedSeeds: [1, 2, 3],
    sklearn: true,
  });
  process.stdout.write(formatKcsReport(report));
  await writeResults('risk', {
    goals: GOALS,
    training: {
      lines: fitted.length,
      wallSeconds: round(training.wallMs / 1000, 2),
      cpuSeconds: round(training.cpuMs / 1000, 2),
    },
    scoring: {
      lines: SCORED_LINES,
      linesPerSecond: Math.round(linesPerSecond),
      linesPerCpuSecond: Math.round(SCORED_LINES / (scoring.cpuMs / 1000)),
      treesOnlyLinesPerSecond: Math.round(SCORED_LINES / (trees.wallMs / 1000)),
      reasonsLinesPerSecond: Math.round(2000 / (reasons.wallMs / 1000)),
    },
    kcs: report,
  });
}
