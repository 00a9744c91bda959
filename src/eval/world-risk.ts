// The learned line-risk model against today's hand-set targeting on a generated world: the
// model learns from the inspection results of the older lines (time-based hold-out) and every
// ranking is measured on the newer lines against the world's truth (all illicit lines, seized
// or not, with their revenue at risk): learned by probability, by probability × duty at stake,
// by probability × estimated shortfall, the store's hand-set line targets, random selection.
import { seededRng } from '../model/rng.ts';
import type { RiskLine } from '../risk/features.ts';
import {
  dutyAtStake,
  expectedRecovery,
  scoreProbability,
  trainRiskModel,
  type TrainOptions,
} from '../risk/model.ts';
import { INSPECTION_SHARES, targetingAtK, type TargetingAtK } from './line-targeting.ts';

export interface WorldRiskOptions {
  /** Newest share of all lines (by date) held out and ranked. */
  holdout: number;
  /** Seeds of the learned model (folds and trees); figures are their mean. */
  seeds: number[];
  /** Seeded draws averaged for random selection. */
  randomDraws: number;
  randomSeed: number;
  /** Settings of the model (tuned on a tuning world, never on the reported ones). */
  train?: TrainOptions;
}

export const WORLD_RISK_DEFAULTS: WorldRiskOptions = {
  holdout: 0.2,
  seeds: [1, 2, 3],
  randomDraws: 100,
  randomSeed: 1,
};

export interface Ranking {
  name: string;
  atK: TargetingAtK[];
}

export interface WorldRiskReport {
  version: 1;
  /** Lines learnt from: inspected lines older than the hold-out. */
  trained: { lines: number; labelled: number; frauds: number; from: string; to: string };
  heldOut: { lines: number; illicit: number; revenueAtRisk: number; from: string; to: string };
  /** The detection run whose findings gave the network features and the hand-set targets. */
  detectionRun: string | null;
  seeds: number[];
  rankings: Ranking[];
}

const lineId = (l: RiskLine): string => `${l.declarationId}/${l.line}`;

/** All lines by date (then file order): the older for training, the newest `share` held out. */
export function splitByDate(
  lines: readonly RiskLine[],
  share: number,
): { older: RiskLine[]; newer: RiskLine[] } {
  const sorted = lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => (a.l.date < b.l.date ? -1 : a.l.date > b.l.date ? 1 : a.i - b.i))
    .map((x) => x.l);
  const cut = Math.max(1, Math.min(sorted.length - 1, Math.round(sorted.length * (1 - share))));
  return { older: sorted.slice(0, cut), newer: sorted.slice(cut) };
}

/** Line ids by descending key, ties in file order. */
function rankIds(lines: readonly RiskLine[], key: ArrayLike<number>): string[] {
  return lines
    .map((l, i) => ({ id: lineId(l), s: key[i]!, i }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.id);
}

/** Field-wise mean of per-seed (or per-draw) results. */
function meanAtK(runs: readonly TargetingAtK[][]): TargetingAtK[] {
  const first = runs[0] ?? [];
  return first.map((row, j) => {
    const mean = (f: (r: TargetingAtK) => number) => runs.reduce((s, r) => s + f(r[j]!), 0) / runs.length;
    return {
      k: row.k,
      inspected: row.inspected,
      hits: mean((r) => r.hits),
      precision: mean((r) => r.precision),
      recall: mean((r) => r.recall),
      revenueCaptured: mean((r) => r.revenueCaptured),
    };
  });
}

function randomRanking(
  newer: readonly RiskLine[],
  illicit: ReadonlyMap<string, number>,
  o: WorldRiskOptions,
) {
  const rng = seededRng(o.randomSeed);
  const runs = Array.from({ length: o.randomDraws }, () =>
    targetingAtK(
      rankIds(
        newer,
        newer.map(() => rng()),
      ),
      newer.length,
      illicit,
      INSPECTION_SHARES,
    ),
  );
  return meanAtK(runs);
}

/** The learned rankings, each the mean over the seeds. */
function learnedRankings(
  older: readonly RiskLine[],
  newer: readonly RiskLine[],
  illicit: ReadonlyMap<string, number>,
  o: WorldRiskOptions,
  suffix: string,
): Ranking[] {
  const unlabelled = newer.map((l) => ({ ...l, label: null }));
  const runs = {
    probability: [] as TargetingAtK[][],
    duty: [] as TargetingAtK[][],
    shortfall: [] as TargetingAtK[][],
  };
  for (const seed of o.seeds) {
    const model = trainRiskModel(older, {
      features: { ...o.train?.features, seed, ...(suffix === '' ? {} : { network: true }) },
      trees: { ...o.train?.trees, seed },
    });
    const p = scoreProbability(model, unlabelled);
    const measure = (key: ArrayLike<number>) => targetingAtK(rankIds(newer, key), newer.length, illicit);
    runs.probability.push(measure(p));
    runs.duty.push(measure(Float64Array.from(unlabelled, (l, i) => p[i]! * dutyAtStake(l, model.plan))));
    runs.shortfall.push(measure(expectedRecovery(model, unlabelled, p)));
  }
  return [
    { name: `learned${suffix}, probability`, atK: meanAtK(runs.probability) },
    { name: `learned${suffix}, p × duty at stake`, atK: meanAtK(runs.duty) },
    { name: `learned${suffix}, p × est. shortfall`, atK: meanAtK(runs.shortfall) },
  ];
}

/**
 * @param lines the world's declaration lines, labels as inspected (network facts attached when a
 *   detection run is given)
 * @param illicit the truth's illicit line ids → revenue at risk
 * @param targets the hand-set targeting's line ids, highest first (the store's line targets)
 */
export function evaluateWorldRisk(
  lines: readonly RiskLine[],
  illicit: ReadonlyMap<string, number>,
  targets: readonly string[],
  detectionRun: string | null,
  options: Partial<WorldRiskOptions> = {},
): WorldRiskReport {
  const o = { ...WORLD_RISK_DEFAULTS, ...options };
  const { older, newer } = splitByDate(lines, o.holdout);
  const labelled = older.filter((l) => l.label !== null);
  const heldOutIds = new Set(newer.map(lineId));
  const heldOutIllicit = new Map([...illicit].filter(([id]) => heldOutIds.has(id)));
  const fileOnly = (ls: readonly RiskLine[]) => ls.map(({ network: _network, ...l }) => l);
  const rankings: Ranking[] = [
    ...learnedRankings(fileOnly(labelled), fileOnly(newer), heldOutIllicit, o, ''),
    ...(detectionRun === null ? [] : learnedRankings(labelled, newer, heldOutIllicit, o, ' + network')),
    {
      name: 'hand-set targeting',
      atK: targetingAtK(
        targets.filter((id) => heldOutIds.has(id)),
        newer.length,
        heldOutIllicit,
      ),
    },
    { name: 'random', atK: randomRanking(newer, heldOutIllicit, o) },
  ];
  return {
    version: 1,
    trained: {
      lines: older.length,
      labelled: labelled.length,
      frauds: labelled.filter((l) => l.label).length,
      from: older[0]?.date ?? '',
      to: older.at(-1)?.date ?? '',
    },
    heldOut: {
      lines: newer.length,
      illicit: heldOutIllicit.size,
      revenueAtRisk: [...heldOutIllicit.values()].reduce((a, b) => a + b, 0),
      from: newer[0]?.date ?? '',
      to: newer.at(-1)?.date ?? '',
    },
    detectionRun,
    seeds: o.seeds,
    rankings,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1).padStart(5)}%`;

export function formatWorldRisk(r: WorldRiskReport): string {
  const out = [
    `learned from ${r.trained.labelled} inspected lines (${r.trained.frauds} seized) of ${r.trained.lines} dated ${r.trained.from} … ${r.trained.to}; ` +
      `ranked the newest ${r.heldOut.lines} (${r.heldOut.from} … ${r.heldOut.to}; ${r.heldOut.illicit} illicit in truth)`,
    ...(r.detectionRun === null
      ? []
      : [`network features and hand-set targets from detection run ${r.detectionRun}`]),
    `learned: mean of seeds ${r.seeds.join(', ')}; random: mean of draws`,
    `${'ranking'.padEnd(38)}${INSPECTION_SHARES.map((k) => `  rev@${k}%`.padStart(9)).join('')}${INSPECTION_SHARES.map((k) => `  prec@${k}%`.padStart(10)).join('')}`,
  ];
  for (const ranking of r.rankings)
    out.push(
      `${ranking.name.padEnd(38)}${ranking.atK.map((a) => pct(a.revenueCaptured).padStart(9)).join('')}${ranking.atK.map((a) => pct(a.precision).padStart(10)).join('')}`,
    );
  return `${out.join('\n')}\n`;
}
