// Features a file brings beyond the ones every declaration has: the duty actually paid (its rate
// on the declared value, and that rate against the usual one for the HS code: a deferred duty
// never paid, a line declared under a lower-duty heading), and numeric columns a mapping names as
// model features. Each group is part of a model only when its training lines carry it, so models
// trained on files without them (KCS) have exactly the columns they had.
import { median } from '../graph/robust.ts';
import type { RiskLine } from './features.ts';

/** Paid-duty features, present when the training lines carry `duty_paid`. */
export const PAID_DUTY_FEATURES = ['paidDutyRate', 'paidDutyRateVsHs'] as const;

/** Prefix of a numeric feature named by a mapping (`num:freight_cost`). */
export const NUMERIC_ATTRIBUTE = 'num:';

export interface ExtraOptions {
  /** Paid-duty features (set when training lines have duty_paid). */
  paidDuty?: boolean;
  /** Columns a mapping names as numeric features, read from the line's attributes. */
  numericAttributes?: string[];
}

export function extraFeatureNames(o: ExtraOptions): string[] {
  return [
    ...(o.paidDuty ? PAID_DUTY_FEATURES : []),
    ...(o.numericAttributes ?? []).map((a) => `${NUMERIC_ATTRIBUTE}${a}`),
  ];
}

/** Duty paid as a share of the declared value (NaN when unknown). */
export function paidDutyRate(l: RiskLine): number {
  if (l.dutyPaid === undefined || l.dutyPaid === null || l.customsValue <= 0) return Number.NaN;
  return l.dutyPaid / l.customsValue;
}

/**
 * Median paid-duty rate where duty was paid, per HS6 code and origin (`6:610910:CN`), HS6, HS4
 * and HS2 code (`4:6109`), from groups of 5 lines or more. Lines that paid nothing (below the
 * de-minimis value, deferred, exempt) are left out: the rate is the one that applies when duty is
 * due, and duty rates differ by origin (anti-dumping).
 */
export function paidRateMedians(lines: readonly RiskLine[]): Record<string, number> {
  const groups = new Map<string, number[]>();
  const add = (k: string, r: number) => (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  for (const l of lines) {
    const r = paidDutyRate(l);
    if (!(r > 0)) continue;
    add(`6:${l.hsCode.slice(0, 6)}:${l.originCountry ?? ''}`, r);
    for (const d of [6, 4, 2]) add(`${d}:${l.hsCode.slice(0, d)}`, r);
  }
  const out: Record<string, number> = {};
  for (const [k, list] of groups) if (list.length >= 5) out[k] = median(list);
  return out;
}

/** The usual paid-duty rate of a line's HS6 code and origin (else HS6, HS4, HS2); NaN when none. */
export function usualPaidRate(
  medians: Readonly<Record<string, number>> | undefined,
  l: Pick<RiskLine, 'hsCode' | 'originCountry'>,
): number {
  const keys = [
    `6:${l.hsCode.slice(0, 6)}:${l.originCountry ?? ''}`,
    ...[6, 4, 2].map((d) => `${d}:${l.hsCode.slice(0, d)}`),
  ];
  for (const k of keys) {
    const found = medians?.[k];
    if (found !== undefined) return found;
  }
  return Number.NaN;
}

/** A numeric attribute's value (NaN when empty); the reader has checked it is a number. */
export function numericAttribute(l: RiskLine, name: string): number {
  const cell = l.attributes[name];
  return cell === undefined || cell === '' ? Number.NaN : Number(cell);
}

/** One extra feature's value for a line. */
export function extraValue(
  name: string,
  l: RiskLine,
  medians: Readonly<Record<string, number>> | undefined,
): number {
  if (name === 'paidDutyRate') return paidDutyRate(l);
  if (name === 'paidDutyRateVsHs') return paidDutyRate(l) - usualPaidRate(medians, l);
  return numericAttribute(l, name.slice(NUMERIC_ATTRIBUTE.length));
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** An extra feature's value in words; null when the name is not an extra feature. */
export function describeExtra(
  name: string,
  l: RiskLine,
  medians: Readonly<Record<string, number>> | undefined,
): string | null {
  if (name.startsWith(NUMERIC_ATTRIBUTE)) {
    const column = name.slice(NUMERIC_ATTRIBUTE.length);
    return `${column} ${l.attributes[column] || 'unknown'}`;
  }
  if (!(PAID_DUTY_FEATURES as readonly string[]).includes(name)) return null;
  const paid = paidDutyRate(l);
  if (Number.isNaN(paid)) return 'duty paid unknown';
  const usual = usualPaidRate(medians, l);
  if (name === 'paidDutyRate' || Number.isNaN(usual)) return `duty paid ${percent(paid)} of the value`;
  return `duty paid ${percent(paid)} of the value, against ${percent(usual)} usual for HS ${l.hsCode}`;
}
