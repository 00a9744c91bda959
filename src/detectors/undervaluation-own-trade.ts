// An importer's own trade, apart from the flows that make it a ring suspect: a firm whose other
// purchases sit just as far below the market buys cheap grades (a discount importer, a stock-lot
// buyer), it is not being invoiced low by a complicit partner. Ring members' camouflage trade is
// honest.
import { median } from '../graph/robust.ts';
import type { DetectionView } from '../graph/view.ts';

/**
 * Per importer (party index): the declared ÷ usual value ratios of its valued lines that are not
 * among `suspect` (the lines of its suspect flows).
 */
export function otherTradeRatios(
  view: DetectionView,
  importers: ReadonlySet<number>,
  suspect: ReadonlySet<number>,
): Map<number, number[]> {
  const { lines } = view;
  const out = new Map<number, number[]>();
  for (let i = 0; i < lines.size; i++) {
    const m = lines.importer[i] ?? -1;
    const expected = lines.expectedValue[i] ?? Number.NaN;
    if (!importers.has(m) || suspect.has(i) || !(expected > 0)) continue;
    (out.get(m) ?? out.set(m, []).get(m)!).push((lines.customsValue[i] ?? 0) / expected);
  }
  return out;
}

/**
 * Whether a flow's bias is the partner's: true unless the importer has `minLines` other valued
 * lines whose median ratio is no more than 1 ÷ `maxShare` times the flow's (the flow is not
 * clearly below the importer's own usual prices).
 */
export function biasIsPartners(
  flowRatios: readonly number[],
  other: readonly number[] | undefined,
  o: { minOtherLines: number; maxRatioToOwnTrade: number },
): boolean {
  if (!other || other.length < o.minOtherLines) return true;
  return median([...flowRatios]) <= o.maxRatioToOwnTrade * median([...other]);
}
