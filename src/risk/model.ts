// The line-risk model as one thing: the feature plan learnt from labelled lines and the boosted
// trees on those features. Training takes labelled lines only; scoring answers log-odds,
// probabilities, and the expected recovery a revenue-aware ranking sorts by.
import {
  buildMatrix,
  fitFeatures,
  unitValueVsHs,
  type FeatureOptions,
  type FeaturePlan,
  type RiskLine,
} from './features.ts';
import { usualPaidRate } from './extra-features.ts';
import { logistic, predictRaw, trainGbdt, type GbdtModel, type GbdtParams } from './gbdt.ts';

export interface RiskModel {
  plan: FeaturePlan;
  trees: GbdtModel;
}

export interface TrainOptions {
  features?: Partial<FeatureOptions>;
  trees?: Partial<GbdtParams>;
}

/**
 * The trees' settings for line risk, chosen on KCS train → valid (never on test): each tree sees
 * 80 % of the lines and 80 % of the features; 200 trees at learning rate 0.075 score within one
 * valid line of 300 trees at 0.05 at every k, and score lines 1.5 times as fast. See docs/risk.md.
 */
export const RISK_TREE_DEFAULTS: Partial<GbdtParams> = {
  iterations: 200,
  learningRate: 0.075,
  rowSubsample: 0.8,
  featureSubsample: 0.8,
};

/** Raised when there is nothing to learn from: no inspected line, or no fraud among them. */
export class NoLabelsError extends Error {
  override name = 'NoLabelsError';
}

export function trainRiskModel(lines: readonly RiskLine[], options: TrainOptions = {}): RiskModel {
  const labelled = lines.filter((l) => l.label !== null);
  if (labelled.length === 0)
    throw new NoLabelsError(
      `no labelled lines among ${lines.length}: training needs inspection results ` +
        '(a fraud, illicit or revenue_recovered column with values)',
    );
  const { plan, matrix, labels, specs } = fitFeatures(labelled, options.features);
  const trees = trainGbdt(specs, matrix, labels, { ...RISK_TREE_DEFAULTS, ...options.trees });
  return { plan, trees };
}

/** Log-odds of fraud for each line (labels in the lines are ignored). */
export function scoreLogOdds(model: RiskModel, lines: readonly RiskLine[]): Float64Array {
  return predictRaw(model.trees, buildMatrix(model.plan, lines));
}

export function scoreProbability(model: RiskModel, lines: readonly RiskLine[]): Float64Array {
  return scoreLogOdds(model, lines).map(logistic);
}

/**
 * Duty a line would owe beyond what it declares if its unit value were its HS code's median
 * in training: duty rate × (median value − declared value), 0 when declared at or above it.
 */
export function estimatedShortfall(plan: FeaturePlan, l: RiskLine): number {
  const gap = unitValueVsHs(plan, l);
  const rate = dutyRateOf(l, plan);
  if (Number.isNaN(gap) || gap >= 0 || rate === 0) return 0;
  return rate * l.customsValue * (Math.exp(-gap) - 1);
}

/**
 * The line's duty rate; when the file gives none, the usual paid-duty rate of its HS code in
 * training (with a plan that learnt it), else 0.
 */
export function dutyRateOf(l: RiskLine, plan?: FeaturePlan): number {
  if (l.dutyRate !== null) return l.dutyRate;
  const usual = usualPaidRate(plan?.paidRateMedians, l);
  return Number.isNaN(usual) ? 0 : usual;
}

/** Duty on the declared value: what a finding on the line puts at issue, at the least. */
export function dutyAtStake(l: RiskLine, plan?: FeaturePlan): number {
  return dutyRateOf(l, plan) * l.customsValue;
}

/** Probability × estimated shortfall: the revenue-aware ranking's key (as in the DATE model). */
export function expectedRecovery(
  model: RiskModel,
  lines: readonly RiskLine[],
  probability: Float64Array,
): Float64Array {
  return Float64Array.from(lines, (l, i) => probability[i]! * estimatedShortfall(model.plan, l));
}
