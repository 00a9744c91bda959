// Ranked rings with score bars, typology, member count and revenue at risk.
import { useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { describeError } from '../api/http.ts';
import type { RingSummary } from '../api/schemas.ts';
import { formatMoney, formatScore, typologyTitle } from '../format.ts';
import { ScoreBar } from './charts.tsx';

export function RingsPanel({
  openRingId,
  onOpen,
}: {
  openRingId: string | null;
  onOpen: (id: string) => void;
}) {
  const [rings, setRings] = useState<RingSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .rings()
      .then((answer) => {
        setRings(answer.rings);
        setTotal(answer.total);
      })
      .catch((failure: unknown) => setError(describeError(failure)));
  }, []);

  return (
    <section aria-labelledby="rings-title" className="panel rings">
      <h2 id="rings-title">
        Rings <span className="muted small">{total > 0 ? `top ${rings.length} of ${total}` : ''}</span>
      </h2>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {rings.length === 0 && !error && <p className="muted small">No rings yet: run detection.</p>}
      <ol className="ring-list">
        {rings.map((ring) => (
          <li key={ring.id}>
            <button
              type="button"
              aria-pressed={ring.id === openRingId}
              onClick={() => onOpen(ring.id)}
              data-ring-id={ring.id}
            >
              <span className="ring-head">
                <strong>{typologyTitle(ring.typology)}</strong>
                <span>{formatScore(ring.score)}</span>
              </span>
              <ScoreBar score={ring.score} label={`score ${formatScore(ring.score)}`} />
              <span className="small muted">
                {ring.memberCount} members · {formatMoney(ring.revenueAtRisk)} at risk
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
