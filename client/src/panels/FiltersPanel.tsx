// Filters on what the canvas shows (date range, HS chapter, labels, minimum risk). They hide
// elements in place, so the layout the investigator built stays as it is.
import { NodeLabel } from '../../../src/model/index.ts';
import { filteredCount } from '../canvas/derive.ts';
import type { Action } from '../state/reducer.ts';
import type { ExplorerState } from '../state/types.ts';

const SHOWN_LABELS = NodeLabel.options.filter((label) => label !== 'Case');

export function FiltersPanel({
  state,
  dispatch,
}: {
  state: ExplorerState;
  dispatch: (action: Action) => void;
}) {
  const { filters } = state;
  const toggleLabel = (label: NodeLabel) => {
    const current = filters.labels.length === 0 ? SHOWN_LABELS : filters.labels;
    const next = current.includes(label) ? current.filter((l) => l !== label) : [...current, label];
    dispatch({ type: 'filters/set', filters: { labels: next.length === SHOWN_LABELS.length ? [] : next } });
  };
  const hiddenByFilters = filteredCount(state);
  return (
    <section aria-labelledby="filters-title" className="panel">
      <h2 id="filters-title">Filters</h2>
      <div className="row">
        <label>
          From
          <input
            type="date"
            value={filters.dateFrom}
            onChange={(e) => dispatch({ type: 'filters/set', filters: { dateFrom: e.target.value } })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={filters.dateTo}
            onChange={(e) => dispatch({ type: 'filters/set', filters: { dateTo: e.target.value } })}
          />
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
            onChange={(e) =>
              dispatch({ type: 'filters/set', filters: { hsChapter: e.target.value.replace(/\D/g, '') } })
            }
          />
        </label>
        <label>
          Min risk {filters.minRisk.toFixed(2)}
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={filters.minRisk}
            onChange={(e) => dispatch({ type: 'filters/set', filters: { minRisk: Number(e.target.value) } })}
          />
        </label>
      </div>
      <fieldset className="labels">
        <legend>Labels</legend>
        {SHOWN_LABELS.map((label) => (
          <label key={label} className="check">
            <input
              type="checkbox"
              checked={filters.labels.length === 0 || filters.labels.includes(label)}
              onChange={() => toggleLabel(label)}
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
