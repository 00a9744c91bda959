// Small SVG charts drawn without a charting library: a score bar, an indicator bar chart and a
// declaration timeline. Sizes are SVG attributes, so a strict style CSP has nothing to block.
import type { Indicator } from '../../../src/api/index.ts';
import type { SeriesPoint } from '../api/schemas.ts';
import { restateMoney } from '../format.ts';
import { useCurrencyCode, useMoney } from '../money.tsx';

export function ScoreBar({ score, label }: { score: number; label: string }) {
  const width = Math.max(0, Math.min(1, score)) * 100;
  return (
    <svg className="score-bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={label}>
      <rect x={0} y={0} width={100} height={8} className="track" />
      <rect x={0} y={0} width={width} height={8} className={score >= 0.7 ? 'fill high' : 'fill'} />
    </svg>
  );
}

interface IndicatorChartProps {
  indicators: Indicator[];
  highlighted: string | null;
  onPick: (name: string) => void;
}

/** One button per indicator with its bar, so the chart is reachable and readable by keyboard. */
export function IndicatorChart({ indicators, highlighted, onPick }: IndicatorChartProps) {
  const currency = useCurrencyCode();
  const largest = Math.max(...indicators.map((i) => i.contribution), 1e-9);
  return (
    <ul className="indicators" aria-label="Indicators, largest contribution first">
      {[...indicators]
        .sort((a, b) => b.contribution - a.contribution)
        .map((indicator) => (
          <li key={indicator.name}>
            <button
              type="button"
              aria-pressed={highlighted === indicator.name}
              onClick={() => onPick(indicator.name)}
              title="Highlight this indicator's evidence on the canvas"
            >
              <span className="indicator-name">{indicator.name.replaceAll('_', ' ')}</span>
              <ScoreBar
                score={indicator.contribution / largest}
                label={`contribution ${indicator.contribution.toFixed(3)}`}
              />
              <span className="small">{restateMoney(indicator.description, currency)}</span>
            </button>
          </li>
        ))}
    </ul>
  );
}

const W = 300;
const H = 110;
const PAD = { left: 38, right: 8, top: 8, bottom: 20 };

interface TimelineProps {
  series: SeriesPoint[];
  /** When given, each point is a button that picks its line (e.g. as a case's evidence). */
  onPick?: ((point: SeriesPoint) => void) | undefined;
}

/** Declared value of each declaration line over time; illicit lines are red crosses. */
export function Timeline({ series, onPick }: TimelineProps) {
  const money = useMoney();
  if (series.length === 0) return <p className="muted small">No declarations.</p>;
  const times = series.map((p) => Date.parse(p.date));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const vmax = Math.max(...series.map((p) => p.customsValue), 1);
  const x = (t: number) => PAD.left + ((t - t0) / Math.max(t1 - t0, 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / vmax) * (H - PAD.top - PAD.bottom);
  const illicit = series.filter((p) => p.illicit).length;
  return (
    <figure className="timeline">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${series.length} declarations over time, ${illicit} illicit`}
      >
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} className="axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} className="axis" />
        <text x={PAD.left - 4} y={PAD.top + 8} className="tick" textAnchor="end">
          {money(vmax, { compact: true })}
        </text>
        <text x={PAD.left} y={H - 4} className="tick">
          {series[0]?.date.slice(0, 10)}
        </text>
        <text x={W - PAD.right} y={H - 4} className="tick" textAnchor="end">
          {new Date(t1).toISOString().slice(0, 10)}
        </text>
        {series.map((point, index) => {
          const cx = x(times[index] ?? t0);
          const cy = y(point.customsValue);
          const pick = onPick && {
            role: 'button',
            tabIndex: 0,
            onClick: () => onPick(point),
            onKeyDown: (event: { key: string }) => event.key === 'Enter' && onPick(point),
          };
          return point.illicit ? (
            <path
              key={point.shipmentId}
              d={`M${cx - 4},${cy - 4}L${cx + 4},${cy + 4}M${cx - 4},${cy + 4}L${cx + 4},${cy - 4}`}
              className="illicit"
              data-line={`${point.declarationId}/${point.line}`}
              {...pick}
            >
              <title>{`${point.declarationId}/${point.line} ${point.date.slice(0, 10)} ${money(point.customsValue)} HS ${point.hsCode} — illicit`}</title>
            </path>
          ) : (
            <circle
              key={point.shipmentId}
              cx={cx}
              cy={cy}
              r={2.5}
              className="licit"
              data-line={`${point.declarationId}/${point.line}`}
              {...pick}
            >
              <title>{`${point.declarationId}/${point.line} ${point.date.slice(0, 10)} ${money(point.customsValue)} HS ${point.hsCode}`}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption className="small muted">
        Declared value per line · <span className="legend-illicit">✕</span> illicit ({illicit})
      </figcaption>
    </figure>
  );
}
