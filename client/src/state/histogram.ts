// The time slider's histogram: declaration lines by month, and a month range turned into the
// filters' dates (and back). Lines drawn on the canvas count one each in their month; a trade
// link whose lines are not drawn spreads its line count evenly over the months from its first to
// its last line, as that is all the canvas knows of when they were declared.
import type { ExplorerState, Filters } from './types.ts';

export interface MonthBin {
  /** YYYY-MM. */
  month: string;
  /** Lines in the month (fractional where a link's lines are spread over its months). */
  lines: number;
}

const MONTH = /^(\d{4})-(\d{2})/;

/** Months since year 0 of an ISO date or month, or null when it is not one. */
function monthNumber(date: string): number | null {
  const match = MONTH.exec(date);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? Number(match[1]) * 12 + month - 1 : null;
}

function monthName(n: number): string {
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The dated lines of the state: [month number, line count] for each line or undrawn link. */
function datedCounts(state: ExplorerState): { from: number; to: number; lines: number }[] {
  const hidden = new Set(state.hidden);
  const out: { from: number; to: number; lines: number }[] = [];
  for (const node of Object.values(state.nodes)) {
    if (node.label !== 'Shipment' || hidden.has(node.key)) continue;
    const date = node.props.date;
    const month = typeof date === 'string' ? monthNumber(date) : null;
    if (month !== null) out.push({ from: month, to: month, lines: 1 });
  }
  for (const link of Object.values(state.links)) {
    if ((state.linkLines[link.id]?.added.length ?? 0) > 0 || link.lines === 0) continue;
    const first = monthNumber(link.first);
    const last = monthNumber(link.last);
    if (first === null || last === null) continue;
    out.push({ from: Math.min(first, last), to: Math.max(first, last), lines: link.lines });
  }
  return out;
}

/** Lines by month, every month from the earliest to the latest present (empty months as 0). */
export function lineHistogram(state: ExplorerState): MonthBin[] {
  const counts = datedCounts(state);
  if (counts.length === 0) return [];
  const start = Math.min(...counts.map((c) => c.from));
  const end = Math.max(...counts.map((c) => c.to));
  const lines = new Array<number>(end - start + 1).fill(0);
  for (const { from, to, lines: n } of counts) {
    const share = n / (to - from + 1);
    for (let m = from; m <= to; m += 1) lines[m - start] = (lines[m - start] ?? 0) + share;
  }
  return lines.map((n, i) => ({ month: monthName(start + i), lines: n }));
}

function lastDay(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/**
 * The filters' dates for the months `lo`..`hi` (indices into `bins`, inclusive): from the first
 * day of the first month to the last day of the last; a handle at either end leaves that side
 * open, so the whole range is no date filter at all.
 */
export function rangeDates(
  bins: readonly MonthBin[],
  lo: number,
  hi: number,
): Pick<Filters, 'dateFrom' | 'dateTo'> {
  const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
  const first = bins[a];
  const last = bins[b];
  return {
    dateFrom: a <= 0 || !first ? '' : `${first.month}-01`,
    dateTo: b >= bins.length - 1 || !last ? '' : lastDay(last.month),
  };
}

/** Where the handles stand for the filters' dates: the months the range covers. */
export function rangeIndices(
  bins: readonly MonthBin[],
  filters: Pick<Filters, 'dateFrom' | 'dateTo'>,
): [number, number] {
  const last = Math.max(0, bins.length - 1);
  const from = monthNumber(filters.dateFrom);
  const to = monthNumber(filters.dateTo);
  const first = bins[0] ? (monthNumber(bins[0].month) ?? 0) : 0;
  const lo = from === null ? 0 : Math.min(last, Math.max(0, from - first));
  const hi = to === null ? last : Math.min(last, Math.max(0, to - first));
  return [lo, Math.max(lo, hi)];
}
