// What the risk model sees of a declaration line: the goods, route and office as categorical
// codes, the procedure attributes a file carries, duty rate, value, mass and unit value (also
// against the HS code's median), and each party's history (past fraud rate and line count),
// target-encoded OUT OF FOLD: a training line's history comes only from the other folds, so no
// line ever sees its own label; lines scored later use the whole training history.
import { seededRng } from '../model/rng.ts';
import { median } from '../graph/robust.ts';
import { MAX_CATEGORY_CODE, type FeatureMatrix, type FeatureSpec } from './binning.ts';
import { NETWORK_FEATURES, networkValue, type NetworkFacts } from './network.ts';
import { extraFeatureNames, extraValue, paidRateMedians, type ExtraOptions } from './extra-features.ts';

export interface RiskLine {
  declarationId: string;
  line: number;
  date: string;
  office: string | null;
  hsCode: string;
  originCountry: string | null;
  departureCountry: string | null;
  /** Duty rate as a fraction (0.08 = 8 %). */
  dutyRate: number | null;
  customsValue: number;
  netMassKg: number | null;
  declarantId: string | null;
  importerId: string | null;
  sellerId: string | null;
  courierId: string | null;
  /** Duty paid on the line (absent or null: the file does not say). */
  dutyPaid?: number | null;
  /** Procedure attributes the file carries (KCS: process type, import use, …), by name. */
  attributes: Readonly<Record<string, string>>;
  /** Inspection result: true when fraud was found, false when clean, null when not inspected. */
  label: boolean | null;
  /** What the store's detection run says about the line's parties (absent: no store). */
  network?: NetworkFacts;
}

type Key = (l: RiskLine) => string | null;

const hs =
  (digits: number): Key =>
  (l) =>
    l.hsCode.length >= digits ? l.hsCode.slice(0, digits) : null;

/** Categorical views of a line, coded by frequency in training. */
export const CATEGORIES: Record<string, Key> = {
  office: (l) => l.office,
  hs6: hs(6),
  hs4: hs(4),
  hs2: hs(2),
  origin: (l) => l.originCountry,
  departure: (l) => l.departureCountry,
};

/** Parties and goods whose past fraud rate is learnt out of fold. */
export const HISTORIES: Record<string, Key> = {
  declarant: (l) => l.declarantId,
  importer: (l) => l.importerId,
  seller: (l) => l.sellerId,
  courier: (l) => l.courierId,
  hs6: hs(6),
  hs4: hs(4),
};

export const NUMERIC = ['dutyRate', 'logValue', 'logMass', 'logUnitValue', 'unitValueVsHs'] as const;

export interface FeatureOptions extends ExtraOptions {
  /** Folds of the out-of-fold encoding. */
  folds: number;
  /** Pseudo-lines at the base rate added to every history (pulls rare parties to the base rate). */
  smoothing: number;
  /** Attributes (procedure columns) to use as categorical features. */
  attributes: string[];
  seed: number;
  /** Network features from a detection run (absent in models trained without a store). */
  network?: boolean;
}

export const FEATURE_DEFAULTS: FeatureOptions = { folds: 5, smoothing: 10, attributes: [], seed: 1 };

/** Lines and past frauds per value of one history key. */
type History = Record<string, [number, number]>;

/** Everything learnt from training lines that features need; plain JSON. */
export interface FeaturePlan {
  options: FeatureOptions;
  baseRate: number;
  /** Per categorical feature: value → code (most frequent first); others share the last code. */
  codes: Record<string, Record<string, number>>;
  histories: Record<string, History>;
  /** Median log unit value per HS6, HS4 and HS2 code. */
  unitValueMedians: Record<string, number>;
  /** Median paid-duty rate per HS6, HS4 and HS2 code (with the paid-duty features). */
  paidRateMedians?: Record<string, number>;
}

const NO_VALUE = (v: string | null | undefined): boolean => v === null || v === undefined || v === '';

function categoricalKeys(options: FeatureOptions): [string, Key][] {
  return [
    ...Object.entries(CATEGORIES),
    ...options.attributes.map((a): [string, Key] => [`attr:${a}`, (l) => l.attributes[a] ?? null]),
  ];
}

export function featureSpecs(options: FeatureOptions): FeatureSpec[] {
  return [
    ...categoricalKeys(options).map(([name]) => ({ name, kind: 'categorical' as const })),
    ...NUMERIC.map((name) => ({ name, kind: 'numeric' as const })),
    ...Object.keys(HISTORIES).flatMap((name) => [
      { name: `${name}Rate`, kind: 'numeric' as const },
      { name: `${name}Lines`, kind: 'numeric' as const },
    ]),
    ...extraFeatureNames(options).map((name) => ({ name, kind: 'numeric' as const })),
    ...(options.network ? NETWORK_FEATURES.map((name) => ({ name, kind: 'numeric' as const })) : []),
  ];
}

/** Fills the extra columns (after the histories) and the network columns, the last ones. */
function fillNetwork(plan: FeaturePlan, lines: readonly RiskLine[], columns: Float64Array[]): void {
  const extras = extraFeatureNames(plan.options);
  const network = plan.options.network ? NETWORK_FEATURES.length : 0;
  let e = columns.length - network - extras.length;
  for (const name of extras) {
    const col = columns[e++]!;
    lines.forEach((l, i) => (col[i] = extraValue(name, l, plan.paidRateMedians)));
  }
  if (!plan.options.network) return;
  let c = columns.length - NETWORK_FEATURES.length;
  for (const name of NETWORK_FEATURES) {
    const col = columns[c++]!;
    lines.forEach((l, i) => (col[i] = networkValue(name, l)));
  }
}

export function logUnitValue(l: RiskLine): number {
  if (l.netMassKg === null || l.netMassKg <= 0) return Number.NaN;
  return Math.log((l.customsValue + 1) / l.netMassKg);
}

function codeTable(lines: readonly RiskLine[], key: Key): Record<string, number> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const v = key(l);
    if (!NO_VALUE(v)) counts.set(v!, (counts.get(v!) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(ranked.slice(0, MAX_CATEGORY_CODE).map(([v], i) => [v, i]));
}

function unitValueMedians(lines: readonly RiskLine[]): Record<string, number> {
  const groups = new Map<string, number[]>();
  for (const l of lines) {
    const u = logUnitValue(l);
    if (Number.isNaN(u)) continue;
    for (const d of [6, 4, 2]) {
      const k = `${d}:${l.hsCode.slice(0, d)}`;
      (groups.get(k) ?? groups.set(k, []).get(k)!).push(u);
    }
  }
  const out: Record<string, number> = {};
  for (const [k, list] of groups) if (list.length >= 5) out[k] = median(list);
  return out;
}

/** Lookups a plan answers many times when scoring, as Maps (built once per plan). */
interface PlanLookups {
  codes: Map<string, Map<string, number>>;
  /** Per history: value → [smoothed rate, log line count] against the whole training history. */
  encoded: Map<string, Map<string, [number, number]>>;
  /** HS code → the median log unit value it is compared with (NaN: none). */
  medianOfHs: Map<string, number>;
}

const LOOKUPS = new WeakMap<FeaturePlan, PlanLookups>();

function lookups(plan: FeaturePlan): PlanLookups {
  let found = LOOKUPS.get(plan);
  if (!found) {
    const prior = { baseRate: plan.baseRate, smoothing: plan.options.smoothing };
    found = {
      codes: new Map(Object.entries(plan.codes).map(([k, t]) => [k, new Map(Object.entries(t))])),
      encoded: new Map(
        Object.entries(plan.histories).map(([k, h]) => [
          k,
          new Map(Object.keys(h).map((v): [string, [number, number]] => [v, encode(h, v, prior)])),
        ]),
      ),
      medianOfHs: new Map(),
    };
    LOOKUPS.set(plan, found);
  }
  return found;
}

function hsMedian(plan: FeaturePlan, hsCode: string): number {
  const cache = lookups(plan).medianOfHs;
  let m = cache.get(hsCode);
  if (m === undefined) {
    m = Number.NaN;
    for (const d of [6, 4, 2]) {
      const found = plan.unitValueMedians[`${d}:${hsCode.slice(0, d)}`];
      if (found !== undefined) {
        m = found;
        break;
      }
    }
    cache.set(hsCode, m);
  }
  return m;
}

/** Unit value's log distance from the median of its HS6 (else HS4, HS2) code in training. */
export function unitValueVsHs(plan: FeaturePlan, l: RiskLine): number {
  return logUnitValue(l) - hsMedian(plan, l.hsCode);
}

function countHistory(lines: readonly RiskLine[], key: Key, take: (i: number) => boolean): History {
  const out: History = {};
  lines.forEach((l, i) => {
    const v = key(l);
    if (NO_VALUE(v) || l.label === null || !take(i)) return;
    const c = (out[v!] ??= [0, 0]);
    c[0] += 1;
    c[1] += l.label ? 1 : 0;
  });
  return out;
}

/** Smoothed fraud rate and line count of one value in a history. */
function encode(
  history: History,
  value: string | null,
  prior: { baseRate: number; smoothing: number },
  scale = 1,
): [number, number] {
  const [n, frauds] = NO_VALUE(value) ? [0, 0] : (history[value!] ?? [0, 0]);
  const m = prior.smoothing;
  return [(frauds + m * prior.baseRate) / (n + m), Math.log1p(n * scale)];
}

/** Fills the matrix's columns that do not depend on labels; answers the next free column. */
function fillOwnFeatures(plan: FeaturePlan, lines: readonly RiskLine[], columns: Float64Array[]): number {
  let c = 0;
  for (const [name, key] of categoricalKeys(plan.options)) {
    const table = lookups(plan).codes.get(name) ?? new Map<string, number>();
    const col = columns[c++]!;
    lines.forEach((l, i) => {
      const v = key(l);
      col[i] = NO_VALUE(v) ? Number.NaN : (table.get(v!) ?? MAX_CATEGORY_CODE);
    });
  }
  const numeric: ((l: RiskLine) => number)[] = [
    (l) => l.dutyRate ?? Number.NaN,
    (l) => Math.log1p(l.customsValue),
    (l) => (l.netMassKg === null ? Number.NaN : Math.log1p(l.netMassKg)),
    logUnitValue,
    (l) => unitValueVsHs(plan, l),
  ];
  for (const f of numeric) {
    const col = columns[c++]!;
    lines.forEach((l, i) => (col[i] = f(l)));
  }
  return c;
}

function emptyMatrix(plan: FeaturePlan, rows: number): FeatureMatrix {
  const width = featureSpecs(plan.options).length;
  return { rows, columns: Array.from({ length: width }, () => new Float64Array(rows)) };
}

/** Features of lines scored with the whole training history (lines not seen in training). */
export function buildMatrix(plan: FeaturePlan, lines: readonly RiskLine[]): FeatureMatrix {
  const matrix = emptyMatrix(plan, lines.length);
  let c = fillOwnFeatures(plan, lines, matrix.columns);
  const unseen: [number, number] = [plan.baseRate, 0];
  for (const [name, key] of Object.entries(HISTORIES)) {
    const encoded = lookups(plan).encoded.get(name) ?? new Map<string, [number, number]>();
    const rate = matrix.columns[c++]!;
    const count = matrix.columns[c++]!;
    lines.forEach((l, i) => {
      const v = key(l);
      const [r, n] = (v === null ? undefined : encoded.get(v)) ?? unseen;
      rate[i] = r;
      count[i] = n;
    });
  }
  fillNetwork(plan, lines, matrix.columns);
  return matrix;
}

/** Fold of each training line: a seeded shuffle dealt round-robin. */
export function foldsOf(rows: number, folds: number, seed: number): Uint8Array {
  const order = Array.from({ length: rows }, (_, i) => i);
  const rng = seededRng(seed);
  for (let i = rows - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const fold = new Uint8Array(rows);
  order.forEach((row, k) => (fold[row] = k % folds));
  return fold;
}

/** Each training line's history from the other folds only. */
function outOfFoldHistories(
  plan: FeaturePlan,
  lines: readonly RiskLine[],
  matrix: FeatureMatrix,
  first: number,
): void {
  const { folds, seed } = plan.options;
  const fold = foldsOf(lines.length, folds, seed);
  const scale = folds / (folds - 1);
  // The prior too comes from the other folds: the base rate of all lines holds each line's label.
  const priors = Array.from({ length: folds }, (_, k) => {
    let n = 0;
    let frauds = 0;
    lines.forEach((l, i) => {
      if (fold[i] === k) return;
      n++;
      frauds += l.label ? 1 : 0;
    });
    return { baseRate: n === 0 ? 0 : frauds / n, smoothing: plan.options.smoothing };
  });
  let c = first;
  for (const key of Object.values(HISTORIES)) {
    const rate = matrix.columns[c++]!;
    const count = matrix.columns[c++]!;
    for (let k = 0; k < folds; k++) {
      const others = countHistory(lines, key, (i) => fold[i] !== k);
      lines.forEach((l, i) => {
        if (fold[i] === k) [rate[i], count[i]] = encode(others, key(l), priors[k]!, scale);
      });
    }
  }
}

/**
 * Learns the plan from labelled training lines and answers their features, histories out of
 * fold. Lines without a label are not used: an uninspected line is not a clean one.
 */
export function fitFeatures(
  train: readonly RiskLine[],
  options: Partial<FeatureOptions> = {},
): { plan: FeaturePlan; matrix: FeatureMatrix; labels: Uint8Array; specs: FeatureSpec[] } {
  const opts = { ...FEATURE_DEFAULTS, ...options };
  // Paid duty is a feature when the training lines carry it (KCS does not: its models are unchanged).
  if (opts.paidDuty === undefined && train.some((l) => l.dutyPaid !== undefined && l.dutyPaid !== null))
    opts.paidDuty = true;
  if (opts.folds < 2) throw new Error('risk features: out-of-fold encoding needs at least 2 folds');
  const labelled = train.filter((l) => l.label !== null);
  const frauds = labelled.filter((l) => l.label).length;
  const plan: FeaturePlan = {
    options: opts,
    baseRate: labelled.length === 0 ? 0 : frauds / labelled.length,
    codes: Object.fromEntries(categoricalKeys(opts).map(([name, key]) => [name, codeTable(labelled, key)])),
    histories: Object.fromEntries(
      Object.entries(HISTORIES).map(([name, key]) => [name, countHistory(labelled, key, () => true)]),
    ),
    unitValueMedians: unitValueMedians(labelled),
    ...(opts.paidDuty ? { paidRateMedians: paidRateMedians(labelled) } : {}),
  };
  const matrix = emptyMatrix(plan, labelled.length);
  const first = fillOwnFeatures(plan, labelled, matrix.columns);
  outOfFoldHistories(plan, labelled, matrix, first);
  fillNetwork(plan, labelled, matrix.columns);
  const labels = Uint8Array.from(labelled, (l) => (l.label ? 1 : 0));
  return { plan, matrix, labels, specs: featureSpecs(opts) };
}
