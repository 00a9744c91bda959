// Duty arithmetic on the line table: the rate that applies to a line, the duty lost by declaring
// below the usual unit value, and duty left unpaid.
import { lineGroups, type LineGroups } from '../graph/line-groups.ts';
import type { DetectionView } from '../graph/view.ts';

/**
 * The usual rate of each line group (`lineGroups` index), undefined where the data states none:
 * resolved once per rate map and line table, so a pass over millions of lines looks up an array,
 * not a string map.
 */
const groupRates = new WeakMap<
  ReadonlyMap<string, number>,
  { groups: LineGroups; rates: (number | undefined)[] }
>();

function groupRatesOf(view: DetectionView, groups: LineGroups): (number | undefined)[] {
  const cached = groupRates.get(view.dutyRates);
  if (cached?.groups === groups) return cached.rates;
  const rates = groups.keys.map((key) => view.dutyRates.get(key));
  groupRates.set(view.dutyRates, { groups, rates });
  return rates;
}

/** Duty rate of a line: its own, else the usual rate for its heading and origin, else the default. */
export function dutyRateOf(view: DetectionView, i: number): number {
  const own = view.lines.dutyRate[i] ?? Number.NaN;
  if (!Number.isNaN(own)) return own;
  const groups = lineGroups(view.lines);
  const rates = groupRatesOf(view, groups);
  return rates[groups.headingOrigin[i]!] ?? rates[groups.heading[i]!] ?? view.defaultDutyRate;
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

/** The same three answers for many lines of one view, with its rate tables resolved once. */
export interface LineDuty {
  rate: (i: number) => number;
  shortfall: (i: number) => number;
  unpaid: (i: number) => number;
}

export function lineDuty(view: DetectionView): LineDuty {
  const { lines } = view;
  const groups = lineGroups(lines);
  const rates = groupRatesOf(view, groups);
  const rate = (i: number): number => {
    const own = lines.dutyRate[i] ?? Number.NaN;
    if (!Number.isNaN(own)) return own;
    return rates[groups.headingOrigin[i]!] ?? rates[groups.heading[i]!] ?? view.defaultDutyRate;
  };
  return {
    rate,
    shortfall: (i) => {
      const expected = lines.expectedValue[i] ?? Number.NaN;
      const declared = lines.customsValue[i] ?? 0;
      return expected > declared ? (expected - declared) * rate(i) : 0;
    },
    unpaid: (i) => {
      const paid = lines.dutyPaid[i] ?? Number.NaN;
      if (Number.isNaN(paid)) return 0;
      const due = (lines.customsValue[i] ?? 0) * rate(i);
      return due - paid > due * 0.5 ? due - paid : 0;
    },
  };
}
