// What every detector shares: the typed input error, option and view validation, the candidate
// ring it returns (scored later by src/scoring), and small helpers over the line table.
import { isGraph } from 'graphology-utils';
import type { z } from 'zod';
import { parseNodeKey, type Evidence, type NodeRef, type RingMember, type Typology } from '../model/index.ts';
import { lineGroups } from '../graph/line-groups.ts';
import type { DetectionView } from '../graph/view.ts';

/** A detector was given something it cannot use; names the detector and what to fix. */
export class DetectorInputError extends Error {
  readonly detector: Typology;
  constructor(detector: Typology, message: string) {
    super(`${detector} detector: ${message}`);
    this.name = 'DetectorInputError';
    this.detector = detector;
  }
}

/** An indicator before scoring: value in [0,1], its weight, a sentence and its evidence. */
export interface IndicatorInput {
  name: string;
  value: number;
  weight: number;
  description: string;
  evidence: Evidence;
}

export interface CandidateRing {
  typology: Typology;
  members: RingMember[];
  indicators: IndicatorInput[];
  revenueAtRisk: number;
}

/** Most declaration ids one indicator lists as evidence; the rest are summarised in its text. */
export const MAX_EVIDENCE_DECLARATIONS = 50;

export function assertView(detector: Typology, view: unknown): asserts view is DetectionView {
  const v = view as Partial<DetectionView> | null;
  if (typeof v !== 'object' || v === null)
    throw new DetectorInputError(detector, 'expected a DetectionView, got nothing');
  if (!isGraph(v.graph) || v.graph?.type !== 'undirected') {
    throw new DetectorInputError(
      detector,
      'view.graph must be an undirected graphology graph (use projectDetectionView)',
    );
  }
  const lines = v.lines;
  if (
    !lines ||
    !Number.isInteger(lines.size) ||
    lines.declarationId.length !== lines.size ||
    lines.unitValueZScore.length !== lines.size
  ) {
    throw new DetectorInputError(
      detector,
      'view.lines is not a consistent line table (use projectDetectionView)',
    );
  }
  if (!(v.trade instanceof Map) || !(v.identifiers instanceof Map)) {
    throw new DetectorInputError(detector, 'view.trade and view.identifiers must be Maps');
  }
}

export function parseOptions<T extends object>(
  detector: Typology,
  schema: z.ZodType<T>,
  defaults: T,
  options: unknown,
): T {
  const merged = { ...defaults, ...(options ?? {}) };
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DetectorInputError(
      detector,
      `invalid option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unknown'}`,
    );
  }
  return parsed.data;
}

export function member(key: string, role: string): RingMember {
  return { ...parseNodeKey(key), role };
}

export function ref(key: string): NodeRef {
  return parseNodeKey(key);
}

export function evidence(nodes: string[], rels: string[] = [], declarations: string[] = []): Evidence {
  return {
    nodes: [...new Set(nodes)].sort().map(ref),
    rels: [...new Set(rels)].sort(),
    declarations: [...new Set(declarations)].sort().slice(0, MAX_EVIDENCE_DECLARATIONS),
  };
}

export function declarationOf(view: DetectionView, i: number): string {
  return `${view.lines.declarationId[i]}/${view.lines.line[i]}`;
}

/** Duty rate of a line: its own, else the usual rate for its heading and origin, else the default. */
export function dutyRateOf(view: DetectionView, i: number): number {
  const own = view.lines.dutyRate[i] ?? Number.NaN;
  if (!Number.isNaN(own)) return own;
  const groups = lineGroups(view.lines);
  return (
    view.dutyRates.get(groups.keys[groups.headingOrigin[i]!]!) ??
    view.dutyRates.get(groups.keys[groups.heading[i]!]!) ??
    view.defaultDutyRate
  );
}

/** Duty lost on a line declared below its group's median unit value (0 when not below). */
export function dutyShortfall(view: DetectionView, i: number): number {
  const expected = view.lines.expectedValue[i] ?? Number.NaN;
  const declared = view.lines.customsValue[i] ?? 0;
  if (!(expected > declared)) return 0;
  return (expected - declared) * dutyRateOf(view, i);
}

/** Duty the line should have paid at its group's rate but did not (deferred and never paid). */
export function unpaidDuty(view: DetectionView, i: number): number {
  const paid = view.lines.dutyPaid[i] ?? Number.NaN;
  if (Number.isNaN(paid)) return 0;
  const due = (view.lines.customsValue[i] ?? 0) * dutyRateOf(view, i);
  return due - paid > due * 0.5 ? due - paid : 0;
}

/** Days since the epoch of each ISO date seen; detectors compare the same few hundred dates often. */
const epochDays = new Map<string, number>();

function epochDay(iso: string): number {
  let day = epochDays.get(iso);
  if (day === undefined) {
    day = Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    epochDays.set(iso, day);
  }
  return day;
}

export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** Was the firm registered shortly before it started trading? */
export function isYoung(view: DetectionView, key: string, maxDays: number): boolean {
  const registeredOn = view.graph.hasNode(key) ? view.graph.getNodeAttribute(key, 'registeredOn') : null;
  const first = view.trade.get(key)?.firstDate ?? null;
  if (!registeredOn || !first) return false;
  const age = daysBetween(registeredOn, first);
  return age >= 0 && age <= maxDays;
}

/** Was the firm registered within `days` before the first declaration in the data (new to the market)? */
export function isNewFirm(view: DetectionView, key: string, days: number): boolean {
  const registeredOn = view.graph.hasNode(key) ? view.graph.getNodeAttribute(key, 'registeredOn') : null;
  const start = dataStart(view);
  return Boolean(registeredOn && start && daysBetween(registeredOn, start) <= days);
}

const spans = new WeakMap<DetectionView, { first: string | null; last: string | null }>();

function dataSpan(view: DetectionView): { first: string | null; last: string | null } {
  let span = spans.get(view);
  if (!span) {
    let first: string | null = null;
    let last: string | null = null;
    for (const d of view.lines.date) {
      if (first === null || d < first) first = d;
      if (last === null || d > last) last = d;
    }
    span = { first, last };
    spans.set(view, span);
  }
  return span;
}

/** The date of the first declaration line in the view (null when there are none). */
export function dataStart(view: DetectionView): string | null {
  return dataSpan(view).first;
}

/** The date of the last declaration line in the view (null when there are none). */
export function dataEnd(view: DetectionView): string | null {
  return dataSpan(view).last;
}

export function byMembers(a: CandidateRing, b: CandidateRing): number {
  const ka = a.members.map((m) => `${m.label}:${m.id}`).join(',');
  const kb = b.members.map((m) => `${m.label}:${m.id}`).join(',');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** Σ value·weight / Σ weight: the score a set of indicators gives, in [0,1]. */
export function weightedScore(indicators: readonly Pick<IndicatorInput, 'value' | 'weight'>[]): number {
  const total = indicators.reduce((s, i) => s + i.weight, 0);
  if (total <= 0) return 0;
  return clamp01(indicators.reduce((s, i) => s + clamp01(i.value) * i.weight, 0) / total);
}

const NOUNS: Record<string, [string, string]> = {
  Importer: ['importer', 'importers'],
  Consignee: ['consignee', 'consignees'],
  Broker: ['broker', 'brokers'],
  Supplier: ['supplier', 'suppliers'],
  Person: ['person', 'people'],
  Address: ['address', 'addresses'],
  Phone: ['phone', 'phones'],
  Email: ['e-mail', 'e-mails'],
  BankAccount: ['bank account', 'bank accounts'],
};
const SMALL = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "one address", "two phones", "12 importers". */
export function countOf(n: number, label: string, spell = true): string {
  const [one, many] = NOUNS[label] ?? [label, `${label}s`];
  const number = spell && n < SMALL.length ? SMALL[n]! : String(n);
  return `${number} ${n === 1 ? one : many}`;
}

/** "4 importers and 1 person" for a list of node keys. */
export function describeParties(keys: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const key of keys) {
    const label = key.slice(0, key.indexOf(':'));
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return listing([...counts].map(([label, n]) => countOf(n, label, false))) || 'no parties';
}

/** "a", "a and b", "a, b and c". */
export function listing(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export function idOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/**
 * The core of a group of parties: importers, and the other parties (people, brokers, suppliers,
 * consignees) tied to at least two members — a director of one firm or a supplier of one
 * importer is its context, not part of a ring.
 */
export function coreMembers(view: DetectionView, keys: readonly string[]): string[] {
  const set = new Set(keys);
  return keys.filter((k) => {
    if (view.graph.getNodeAttribute(k, 'label') === 'Importer') return true;
    let inside = 0;
    view.graph.forEachNeighbor(k, (n) => void (set.has(n) && inside++));
    return inside >= 2;
  });
}
