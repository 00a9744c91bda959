// Seats of established firms: an address, phone or director most of whose firms were established
// long before the data starts is a business centre's seat, its switchboard or a family's director.
// A new firm sharing it has moved in beside lawful neighbours; it has not joined a batch of shells,
// whose firms are all new. A firm without a registration date counts as not established.
import type { DetectionView } from '../graph/view.ts';
import { isNewFirm } from './dates.ts';

/** Per view and `establishedDays`, each firm's answer: seats are judged many times over the same firms. */
const answers = new WeakMap<DetectionView, Map<number, Map<string, boolean>>>();

function isEstablished(view: DetectionView, key: string, establishedDays: number): boolean {
  let byDays = answers.get(view);
  if (!byDays) answers.set(view, (byDays = new Map<number, Map<string, boolean>>()));
  let known = byDays.get(establishedDays);
  if (!known) byDays.set(establishedDays, (known = new Map<string, boolean>()));
  let answer = known.get(key);
  if (answer === undefined) {
    const registered = view.graph.hasNode(key) ? view.graph.getNodeAttribute(key, 'registeredOn') : null;
    answer = Boolean(registered) && !isNewFirm(view, key, establishedDays);
    known.set(key, answer);
  }
  return answer;
}

/** Share of these firms registered more than `establishedDays` before the data starts (0 when none). */
export function establishedShare(
  view: DetectionView,
  firms: readonly string[],
  establishedDays: number,
): number {
  if (firms.length === 0) return 0;
  return firms.filter((k) => isEstablished(view, k, establishedDays)).length / firms.length;
}

/** Is an identifier or director held by these firms the seat of established firms? */
export function isLawfulSeat(
  view: DetectionView,
  firms: readonly string[],
  o: { establishedDays: number; maxEstablishedShare: number },
): boolean {
  return establishedShare(view, firms, o.establishedDays) > o.maxEstablishedShare;
}
