// The rings list's controls: sort, typology and a search box.
import type { RingSummary } from '../../api/schemas.ts';
import { typologyTitle } from '../../format.ts';
import { RING_SORTS, typologiesOf, type RingListView, type RingSort } from './order.ts';

interface Props {
  rings: readonly RingSummary[];
  view: RingListView;
  onView: (view: RingListView) => void;
}

export function RingControls({ rings, view, onView }: Props) {
  return (
    <div className="ring-controls">
      <input
        type="search"
        aria-label="Search rings"
        placeholder="Search rings (id, typology, explanation)"
        value={view.text}
        onChange={(e) => onView({ ...view, text: e.target.value })}
      />
      <div className="row">
        <label>
          Sort rings by
          <select value={view.sort} onChange={(e) => onView({ ...view, sort: e.target.value as RingSort })}>
            {Object.entries(RING_SORTS).map(([value, title]) => (
              <option key={value} value={value}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Typology
          <select value={view.typology} onChange={(e) => onView({ ...view, typology: e.target.value })}>
            <option value="">All</option>
            {typologiesOf(rings).map((typology) => (
              <option key={typology} value={typology}>
                {typologyTitle(typology)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
