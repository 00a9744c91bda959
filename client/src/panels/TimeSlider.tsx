// The filters' date range as a time slider: a histogram by month of the declaration lines on the
// canvas (and of the links whose lines are not drawn), under two handles for the first and the
// last month. Moving a handle sets the same date filters the typed dates set; the dates stay
// below as text fields for the keyboard. Bars are SVG with presentation attributes (the page's
// policy forbids inline styles).
import { lineHistogram, rangeDates, rangeIndices } from '../state/histogram.ts';
import type { ExplorerState, Filters } from '../state/types.ts';
import './time-slider.css';

interface Props {
  state: ExplorerState;
  set: (filters: Partial<Filters>) => void;
}

const WIDTH = 240;
const HEIGHT = 48;

export function TimeSlider({ state, set }: Props) {
  const bins = lineHistogram(state);
  const [lo, hi] = rangeIndices(bins, state.filters);
  const max = Math.max(1, ...bins.map((b) => b.lines));
  const barWidth = bins.length > 0 ? WIDTH / bins.length : WIDTH;
  const last = Math.max(0, bins.length - 1);
  const move = (from: number, to: number) => set(rangeDates(bins, Math.min(from, to), Math.max(from, to)));
  return (
    <div className="time-slider" data-testid="time-slider" data-months={bins.length}>
      {bins.length === 0 ? (
        <p className="muted small">No dated declaration lines on the canvas.</p>
      ) : (
        <>
          <svg
            width="100%"
            height={HEIGHT}
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={`Declaration lines by month, ${bins[0]?.month} to ${bins[last]?.month}`}
          >
            {bins.map((bin, i) => {
              const h = bin.lines > 0 ? Math.max(1, (bin.lines / max) * HEIGHT) : 0;
              return (
                <rect
                  key={bin.month}
                  x={i * barWidth + 0.5}
                  y={HEIGHT - h}
                  width={Math.max(0.5, barWidth - 1)}
                  height={h}
                  fill={i >= lo && i <= hi ? '#1f6feb' : '#d0d7de'}
                >
                  <title>{`${bin.month}: ${Math.round(bin.lines).toLocaleString('en-GB')} lines`}</title>
                </rect>
              );
            })}
          </svg>
          <div className="time-slider-handles">
            <input
              type="range"
              min={0}
              max={last}
              step={1}
              value={lo}
              aria-label="First month"
              aria-valuetext={bins[lo]?.month}
              onChange={(e) => move(Math.min(Number(e.target.value), hi), hi)}
            />
            <input
              type="range"
              min={0}
              max={last}
              step={1}
              value={hi}
              aria-label="Last month"
              aria-valuetext={bins[hi]?.month}
              onChange={(e) => move(lo, Math.max(Number(e.target.value), lo))}
            />
          </div>
          <p className="muted small time-slider-span" aria-live="polite">
            {bins[lo]?.month} to {bins[hi]?.month}
          </p>
        </>
      )}
    </div>
  );
}
