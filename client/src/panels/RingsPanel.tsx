// Rings, highest priority first, with score bars, typology, member count and revenue at risk;
// sorted by priority, revenue, score or size, filtered by typology and searched by text.
import { memo, useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { describeError } from '../api/http.ts';
import type { RingSummary } from '../api/schemas.ts';
import { formatScore, typologyTitle } from '../format.ts';
import { useMoney } from '../money.tsx';
import { ScoreBar } from './charts.tsx';
import { RingControls } from './rings/RingControls.tsx';
import { DEFAULT_RING_VIEW, shownRings, type RingListView } from './rings/order.ts';

/** Memoised: it renders again only when its own props change, not on every canvas step. */
export const RingsPanel = memo(function RingsPanel({
  openRingId,
  onOpen,
}: {
  openRingId: string | null;
  onOpen: (id: string) => void;
}) {
  const [rings, setRings] = useState<RingSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<RingListView>(DEFAULT_RING_VIEW);
  const money = useMoney();

  useEffect(() => {
    api
      .rings()
      .then((answer) => {
        setRings(answer.rings);
        setTotal(answer.total);
      })
      .catch((failure: unknown) => setError(describeError(failure)));
  }, []);
  const shown = shownRings(rings, view);

  return (
    <section aria-labelledby="rings-title" className="panel rings">
      <h2 id="rings-title">
        Rings{' '}
        <span className="muted small">
          {total > 0
            ? `${shown.length} shown of ${total}${rings.length < total ? ` (top ${rings.length})` : ''}`
            : ''}
        </span>
      </h2>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {rings.length === 0 && !error && <p className="muted small">No rings yet: run detection.</p>}
      {rings.length > 0 && <RingControls rings={rings} view={view} onView={setView} />}
      {rings.length > 0 && shown.length === 0 && <p className="muted small">No ring matches.</p>}
      <ol className="ring-list">
        {shown.map((ring) => (
          <li key={ring.id}>
            <button
              type="button"
              aria-pressed={ring.id === openRingId}
              onClick={() => onOpen(ring.id)}
              data-ring-id={ring.id}
            >
              <span className="ring-head">
                <strong>{typologyTitle(ring.typology)}</strong>
                <span title="Priority: score × (1 + log10(1 + revenue at risk))">
                  priority {ring.priority.toFixed(2)}
                </span>
              </span>
              <ScoreBar score={ring.score} label={`score ${formatScore(ring.score)}`} />
              <span className="small muted">
                score {formatScore(ring.score)} · {ring.memberCount} members · {money(ring.revenueAtRisk)} at
                risk
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
});
