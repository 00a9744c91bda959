// Date maths on ISO dates (YYYY-MM-DD): days between two dates, a firm's age against its first
// line or the start of the data, and the span of the data itself.
import type { DetectionView } from '../graph/view.ts';

const DAY_MS = 86_400_000;

/** Days since 1970 of each ISO date seen: a view holds a few thousand distinct dates, asked millions of times. */
const epochDays = new Map<string, number>();

function epochDay(iso: string): number {
  let day = epochDays.get(iso);
  if (day === undefined) epochDays.set(iso, (day = Date.parse(`${iso}T00:00:00Z`) / DAY_MS));
  return day;
}

export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

function registeredOn(view: DetectionView, key: string): string | null {
  return view.graph.hasNode(key) ? view.graph.getNodeAttribute(key, 'registeredOn') : null;
}

/** Was the firm registered shortly before it started trading? */
export function isYoung(view: DetectionView, key: string, maxDays: number): boolean {
  const registered = registeredOn(view, key);
  const first = view.trade.get(key)?.firstDate ?? null;
  if (!registered || !first) return false;
  const age = daysBetween(registered, first);
  return age >= 0 && age <= maxDays;
}

/** Was the firm registered within `days` before the first declaration in the data (new to the market)? */
export function isNewFirm(view: DetectionView, key: string, days: number): boolean {
  const registered = registeredOn(view, key);
  const start = dataStart(view);
  return Boolean(registered && start && daysBetween(registered, start) <= days);
}

interface DataSpan {
  first: string | null;
  last: string | null;
}

/** One span per view, dropped with the view. */
const spans = new WeakMap<DetectionView, DataSpan>();

function dataSpan(view: DetectionView): DataSpan {
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
