// The selected entity: actions (expand, more…, collapse, hide, pin), properties, source row,
// risk indicators, rings and the timeline of its declarations.
import { useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { describeError } from '../api/http.ts';
import type { NodeDetail } from '../api/schemas.ts';
import { formatMoney, formatScore, typologyTitle } from '../format.ts';
import type { ExplorerState } from '../state/types.ts';
import { Timeline } from './charts.tsx';

interface Props {
  state: ExplorerState;
  onExpand: (key: string, more: boolean) => void;
  onCollapse: (key: string) => void;
  onHide: (keys: string[]) => void;
  onTogglePin: (keys: string[]) => void;
  onOpenRing: (id: string) => void;
}

export function EntityPanel({ state, onExpand, onCollapse, onHide, onTogglePin, onOpenRing }: Props) {
  const key = state.selection.length === 1 ? state.selection[0] : undefined;
  const [detail, setDetail] = useState<NodeDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setDetail(null);
    setError(null);
    if (!key) return;
    let current = true;
    api
      .node(key)
      .then((answer) => current && setDetail(answer))
      .catch((failure: unknown) => current && setError(describeError(failure)));
    return () => {
      current = false;
    };
  }, [key]);

  if (state.selection.length > 1) {
    return (
      <section className="entity" aria-label="Selection">
        <h2>{state.selection.length} selected</h2>
        <div className="row wrap">
          <button type="button" onClick={() => state.selection.forEach((k) => onExpand(k, false))}>
            Expand all
          </button>
          <button type="button" onClick={() => onHide(state.selection)}>
            Hide
          </button>
          <button type="button" onClick={() => onTogglePin(state.selection)}>
            Pin / unpin
          </button>
        </div>
      </section>
    );
  }
  if (!key) return <p className="muted">Select a node on the canvas or search for one.</p>;

  const node = state.nodes[key];
  const expansion = state.expansions[key];
  const pinned = state.pinned.includes(key);
  return (
    <section className="entity" aria-labelledby="entity-title">
      <h2 id="entity-title">
        {node?.name ?? node?.id ?? key} <span className="badge">{node?.label}</span>
      </h2>
      <div className="row wrap">
        <button type="button" onClick={() => onExpand(key, false)}>
          Expand
        </button>
        {expansion?.truncated && (
          <button type="button" onClick={() => onExpand(key, true)}>
            More…
          </button>
        )}
        <button type="button" onClick={() => onCollapse(key)} disabled={!expansion}>
          Collapse
        </button>
        <button type="button" onClick={() => onHide([key])}>
          Hide
        </button>
        <button type="button" aria-pressed={pinned} onClick={() => onTogglePin([key])}>
          {pinned ? 'Unpin' : 'Pin'}
        </button>
      </div>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {detail && (
        <>
          {detail.risk && (
            <>
              <h3>
                Risk {formatScore(detail.risk.score)} · {formatMoney(detail.risk.revenueAtRisk)} at risk
              </h3>
              <ul className="small">
                {detail.risk.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </>
          )}
          {detail.rings.length > 0 && (
            <>
              <h3>Rings</h3>
              <ul>
                {detail.rings.map((ring) => (
                  <li key={ring.id}>
                    <button
                      type="button"
                      className="link"
                      data-ring-id={ring.id}
                      onClick={() => onOpenRing(ring.id)}
                    >
                      {typologyTitle(ring.typology)} ({formatScore(ring.score)})
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {detail.shipments.count > 0 && (
            <>
              <h3>
                Declarations: {detail.shipments.count} lines, {formatMoney(detail.shipments.totalValue)}
              </h3>
              <Timeline series={detail.shipments.series} />
            </>
          )}
          <h3>Properties</h3>
          <table className="props">
            <tbody>
              <tr>
                <th scope="row">id</th>
                <td>{detail.node.id}</td>
              </tr>
              {Object.entries(detail.node.props).map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{value === null ? '—' : String(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Source</h3>
          <p className="small mono">
            {detail.node.source
              ? `row ${detail.node.source.row} of file ${detail.node.source.file.slice(0, 16)}…`
              : 'derived (no source row)'}
          </p>
        </>
      )}
    </section>
  );
}
