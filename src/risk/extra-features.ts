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

/** Median paid-duty rate per HS6, HS4 and HS2 code (`6:610910`), from groups of 5 lines or more. */
export function paidRateMedians(lines: readonly RiskLine[]): Record<string, number> {
  const groups = new Map<string, number[]>();
  for (const l of lines) {
    const r = paidDutyRate(l);
    if (Number.isNaN(r)) continue;
    for (const d of [6, 4, 2]) {
      const k = `${d}:${l.hsCode.slice(0, d)}`;
      (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
    }
  }
  const out: Record<string, number> = {};
  for (const [k, list] of groups) if (list.length >= 5) out[k] = median(list);
  return out;
}

/** The usual paid-duty rate of a line's HS6 code (else HS4, HS2) in training; NaN when none. */
export function usualPaidRate(medians: Readonly<Record<string, number>> | undefined, hsCode: string): number {
  for (const d of [6, 4, 2]) {
    const found = medians?.[`${d}:${hsCode.slice(0, d)}`];
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
  if (name === 'paidDutyRateVsHs') return paidDutyRate(l) - usualPaidRate(medians, l.hsCode);
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
  const usual = usualPaidRate(medians, l.hsCode);
  if (name === 'paidDutyRate' || Number.isNaN(usual)) return `duty paid ${percent(paid)} of the value`;
  return `duty paid ${percent(paid)} of the value, against ${percent(usual)} usual for HS ${l.hsCode}`;
}
