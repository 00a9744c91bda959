// Filters on what the canvas shows (date range as a time slider and as typed dates, HS chapter,
// labels, minimum risk). They hide elements in place, so the layout the investigator built stays.
import { filteredCount } from '../canvas/derive.ts';
import { SHOWN_LABELS, toggledLabels } from '../state/filters.ts';
import type { Action } from '../state/reducer.ts';
import type { ExplorerState, Filters } from '../state/types.ts';
import { TimeSlider } from './TimeSlider.tsx';

interface Props {
  state: ExplorerState;
  dispatch: (action: Action) => void;
}

export function FiltersPanel({ state, dispatch }: Props) {
  const set = (filters: Partial<Filters>) => dispatch({ type: 'filters/set', filters });
  const hiddenByFilters = filteredCount(state);
  return (
    <section aria-labelledby="filters-title" className="panel">
      <h2 id="filters-title">Filters</h2>
      <TimeSlider state={state} set={set} />
      <ValueFilters filters={state.filters} set={set} />
      <fieldset className="labels">
        <legend>Labels</legend>
        {SHOWN_LABELS.map((label) => (
          <label key={label} className="check">
            <input
              type="checkbox"
              checked={state.filters.labels.length === 0 || state.filters.labels.includes(label)}
              onChange={() => set({ labels: toggledLabels(state.filters.labels, label) })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="button" onClick={() => dispatch({ type: 'filters/reset' })}>
          Reset filters
        </button>
        <span className="muted small" aria-live="polite">
          {hiddenByFilters > 0 ? `${hiddenByFilters} hidden by filters` : ''}
        </span>
      </div>
    </section>
  );
}

/** The date range, the HS chapter and the minimum risk. */
function ValueFilters({ filters, set }: { filters: Filters; set: (filters: Partial<Filters>) => void }) {
  return (
    <>
      <div className="row">
        <label>
          From
          <input type="date" value={filters.dateFrom} onChange={(e) => set({ dateFrom: e.target.value })} />
        </label>
        <label>
          To
          <input type="date" value={filters.dateTo} onChange={(e) => set({ dateTo: e.target.value })} />
        </label>
      </div>
      <div className="row">
        <label>
          HS chapter
          <input
            inputMode="numeric"
            pattern="[0-9]{0,10}"
            placeholder="e.g. 85"
            size={6}
            value={filters.hsChapter}
            onChange={(e) => set({ hsChapter: e.target.value.replace(/\D/g, '') })}
          />
        </label>
        <label>
          Min party risk {filters.minRisk.toFixed(2)}
          {filters.minRisk > 0 ? ' (unscored parties hidden)' : ''}
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={filters.minRisk}
            onChange={(e) => set({ minRisk: Number(e.target.value) })}
          />
        </label>
      </div>
    </>
  );
}
