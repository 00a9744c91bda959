// Per-party signals several detectors read: unit-value bias of the party's lines (as importer),
// the duty it shortfalls and its seized lines. Computed once per view and cached on it.
import { median } from '../graph/robust.ts';
import type { DetectionView } from '../graph/view.ts';
import { declarationOf } from './candidate.ts';
import { dutyShortfall, unpaidDuty } from './duty.ts';

export interface PartySignals {
  /** Lines with a known unit-value z-score. */
  scoredLines: number;
  medianZ: number;
  /** Share of scored lines more than one robust deviation below their group median. */
  shareBelow: number;
  /** Median of declared/expected value over the scored lines (0.54 = 46 % below). */
  medianValueRatio: number;
  shortfallDuty: number;
  /** Lines declared below the median (z < −1), as declaration ids. */
  lowLines: string[];
  seizedLines: string[];
  /** Dutiable lines on which the duty was not paid (deferred and never paid). */
  unpaidLines: string[];
  unpaidDuty: number;
}

/** Below this much duty a line with nothing paid is a de-minimis consignment, not a default. */
export const MIN_UNPAID_DUTY = 25;

const cache = new WeakMap<DetectionView, Map<string, PartySignals>>();

export function partySignals(view: DetectionView): Map<string, PartySignals> {
  const cached = cache.get(view);
  if (cached) return cached;
  const zs = new Map<number, number[]>();
  const ratios = new Map<number, number[]>();
  const out = new Map<string, PartySignals>();
  const { lines } = view;
  const get = (p: number): PartySignals => {
    const key = lines.partyKeys[p]!;
    let s = out.get(key);
    if (!s) {
      s = {
        scoredLines: 0,
        medianZ: 0,
        shareBelow: 0,
        medianValueRatio: 1,
        shortfallDuty: 0,
        lowLines: [],
        seizedLines: [],
        unpaidLines: [],
        unpaidDuty: 0,
      };
      out.set(key, s);
    }
    return s;
  };
  for (let i = 0; i < lines.size; i++) {
    const importer = lines.importer[i] ?? -1;
    if (lines.illicit[i] === 1) {
      for (const col of [lines.importer, lines.consignee, lines.supplier, lines.broker]) {
        const p = col[i] ?? -1;
        if (p >= 0) get(p).seizedLines.push(declarationOf(view, i));
      }
    }
    if (importer < 0) continue;
    const unpaid = unpaidDuty(view, i);
    if (unpaid >= MIN_UNPAID_DUTY) {
      const debtor = get(importer);
      debtor.unpaidLines.push(declarationOf(view, i));
      debtor.unpaidDuty += unpaid;
    }
    const z = lines.unitValueZScore[i] ?? Number.NaN;
    if (Number.isNaN(z)) continue;
    const s = get(importer);
    s.scoredLines += 1;
    if (z < -1) {
      s.shareBelow += 1;
      s.shortfallDuty += dutyShortfall(view, i);
      s.lowLines.push(declarationOf(view, i));
    }
    (zs.get(importer) ?? zs.set(importer, []).get(importer)!).push(z);
    const expected = lines.expectedValue[i] ?? Number.NaN;
    if (expected > 0)
      (ratios.get(importer) ?? ratios.set(importer, []).get(importer)!).push(
        (lines.customsValue[i] ?? 0) / expected,
      );
  }
  for (const [p, list] of zs) {
    const s = get(p);
    s.medianZ = median(list);
    s.shareBelow = s.scoredLines > 0 ? s.shareBelow / s.scoredLines : 0;
    s.medianValueRatio = median(ratios.get(p) ?? [1]);
  }
  cache.set(view, out);
  return out;
}
