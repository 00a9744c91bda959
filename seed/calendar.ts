// The two-year period of the synthetic world and its seasonality: day indices to ISO dates and
// the relative declaration volume of each day.
import { MONTH_SEASONALITY, WEEKEND_FACTOR } from './catalogue.ts';

export const PERIOD_START = '2024-01-01';
export const PERIOD_DAYS = 731; // 2024 is a leap year: 2024-01-01 … 2025-12-31

const START_MS = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

/** ISO date of a day index; days before the period are allowed (registrations). */
export function isoDay(day: number): string {
  return new Date(START_MS + day * DAY_MS).toISOString().slice(0, 10);
}

export function isWeekend(day: number): boolean {
  const weekday = new Date(START_MS + day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Relative volume of each day of the period (month seasonality × weekday pattern). */
export function dayWeights(): number[] {
  const weights: number[] = [];
  for (let day = 0; day < PERIOD_DAYS; day++) {
    const month = new Date(START_MS + day * DAY_MS).getUTCMonth();
    const seasonal = MONTH_SEASONALITY[month] ?? 1;
    weights.push(seasonal * (isWeekend(day) ? WEEKEND_FACTOR : 1));
  }
  return weights;
}

/** Splits `total` over the days in proportion to their weights, exactly and deterministically. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let carried = 0;
  let given = 0;
  for (const w of weights) {
    carried += (total * w) / sum;
    const n = Math.round(carried) - given;
    out.push(n);
    given += n;
  }
  return out;
}
