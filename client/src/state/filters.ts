// The label filter: which labels the filter panel offers, and toggling one of them.
import { NodeLabel } from '../../../src/api/index.ts';

/** Labels the filter offers: every node label but Case. */
export const SHOWN_LABELS: readonly NodeLabel[] = NodeLabel.options.filter((label) => label !== 'Case');

/**
 * The label filter after the investigator toggles one label. An empty list shows every label,
 * so turning the last hidden label back on empties the list again.
 */
export function toggledLabels(labels: readonly NodeLabel[], label: NodeLabel): NodeLabel[] {
  const current = labels.length === 0 ? SHOWN_LABELS : labels;
  const next = current.includes(label) ? current.filter((l) => l !== label) : [...current, label];
  return next.length === SHOWN_LABELS.length ? [] : next;
}
