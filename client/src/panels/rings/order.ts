// Which rings the list shows and in what order: sorted by priority (the API's order), revenue at
// risk, score or size; filtered by typology and by text in the id, typology or explanation. Pure,
// tested in tests/client.
import type { RingSummary } from '../../api/schemas.ts';
import { typologyTitle } from '../../format.ts';

export const RING_SORTS = {
  priority: 'Priority',
  revenue: 'Revenue at risk',
  score: 'Score',
  members: 'Members',
} as const;
export type RingSort = keyof typeof RING_SORTS;

export interface RingListView {
  sort: RingSort;
  /** '' for every typology. */
  typology: string;
  text: string;
}

export const DEFAULT_RING_VIEW: RingListView = { sort: 'priority', typology: '', text: '' };

const KEY: Record<RingSort, (ring: RingSummary) => number> = {
  priority: (r) => r.priority,
  revenue: (r) => r.revenueAtRisk,
  score: (r) => r.score,
  members: (r) => r.memberCount,
};

/** Largest first; ties by priority, then score, then id, so the order never depends on the answer's. */
export function shownRings(rings: readonly RingSummary[], view: RingListView): RingSummary[] {
  const text = view.text.trim().toLowerCase();
  const key = KEY[view.sort];
  return rings
    .filter((r) => view.typology === '' || r.typology === view.typology)
    .filter(
      (r) =>
        text === '' ||
        r.id.toLowerCase().includes(text) ||
        typologyTitle(r.typology).toLowerCase().includes(text) ||
        r.explanation.toLowerCase().includes(text),
    )
    .sort(
      (a, b) =>
        key(b) - key(a) ||
        b.priority - a.priority ||
        b.score - a.score ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** The typologies present, in order of first appearance. */
export function typologiesOf(rings: readonly RingSummary[]): string[] {
  return [...new Set(rings.map((r) => r.typology))];
}
