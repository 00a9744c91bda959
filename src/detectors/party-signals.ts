// Per-party signals several detectors read: unit-value bias of the party's lines (as importer),
// the duty it shortfalls and its seized lines. Computed once per view and cached on it.
import { median } from '../graph/robust.ts';
import type { DetectionView } from '../graph/view.ts';
import { declarationOf } from './candidate.ts';
import { lineDuty } from './duty.ts';

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

/**
 * Each importer's median z-score and median declared/expected ratio. The values are gathered per
 * importer into one typed array (counted, then placed) rather than a list per importer: medians
 * do not depend on the order of the values.
 */
function setMedians(view: DetectionView, get: (p: number) => PartySignals): void {
  const { lines } = view;
  const parties = lines.partyKeys.length;
  const zStart = new Int32Array(parties + 1);
  const ratioStart = new Int32Array(parties + 1);
  for (let i = 0; i < lines.size; i++) {
    const importer = lines.importer[i] ?? -1;
    if (importer < 0 || Number.isNaN(lines.unitValueZScore[i] ?? Number.NaN)) continue;
    zStart[importer + 1]! += 1;
    if ((lines.expectedValue[i] ?? Number.NaN) > 0) ratioStart[importer + 1]! += 1;
  }
  for (let p = 0; p < parties; p++) {
    zStart[p + 1]! += zStart[p]!;
    ratioStart[p + 1]! += ratioStart[p]!;
  }
  const zs = new Float64Array(zStart[parties]!);
  const ratios = new Float64Array(ratioStart[parties]!);
  const zNext = zStart.slice(0, parties);
  const ratioNext = ratioStart.slice(0, parties);
  for (let i = 0; i < lines.size; i++) {
    const importer = lines.importer[i] ?? -1;
    const z = lines.unitValueZScore[i] ?? Number.NaN;
    if (importer < 0 || Number.isNaN(z)) continue;
    zs[zNext[importer]!++] = z;
    const expected = lines.expectedValue[i] ?? Number.NaN;
    if (expected > 0) ratios[ratioNext[importer]!++] = (lines.customsValue[i] ?? 0) / expected;
  }
  for (let p = 0; p < parties; p++) {
    if (zStart[p] === zStart[p + 1]) continue;
    const s = get(p);
    s.medianZ = median(zs.subarray(zStart[p], zStart[p + 1]));
    s.shareBelow = s.scoredLines > 0 ? s.shareBelow / s.scoredLines : 0;
    s.medianValueRatio =
      ratioStart[p] === ratioStart[p + 1] ? 1 : median(ratios.subarray(ratioStart[p], ratioStart[p + 1]));
  }
}

export function partySignals(view: DetectionView): Map<string, PartySignals> {
  const cached = cache.get(view);
  if (cached) return cached;
  const out = new Map<string, PartySignals>();
  const { lines } = view;
  // Per party index in front of the map: most lines ask for their importer's signals.
  const byIndex: (PartySignals | undefined)[] = new Array<PartySignals | undefined>(lines.partyKeys.length);
  const get = (p: number): PartySignals => {
    const known = byIndex[p];
    if (known) return known;
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
    byIndex[p] = s;
    return s;
  };
  const duty = lineDuty(view);
  const seizedColumns = [lines.importer, lines.consignee, lines.supplier, lines.broker];
  for (let i = 0; i < lines.size; i++) {
    const importer = lines.importer[i] ?? -1;
    if (lines.illicit[i] === 1) {
      for (const col of seizedColumns) {
        const p = col[i] ?? -1;
        if (p >= 0) get(p).seizedLines.push(declarationOf(view, i));
      }
    }
    if (importer < 0) continue;
    const unpaid = duty.unpaid(i);
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
      s.shortfallDuty += duty.shortfall(i);
      s.lowLines.push(declarationOf(view, i));
    }
  }
  setMedians(view, get);
  cache.set(view, out);
  return out;
}
