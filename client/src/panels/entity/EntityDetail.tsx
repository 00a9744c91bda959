// What the API knows of one entity: risk and its reasons, the rings it is in, its declarations
// over time, its properties and the source row it came from.
import { memo } from 'react';
import type { NodeDetail } from '../../api/schemas.ts';
import { formatScore, restateMoney, typologyTitle } from '../../format.ts';
import { useCurrencyCode, useMoney } from '../../money.tsx';
import { Timeline } from '../charts.tsx';
import { addLineToOpenCase, useCaseEvidencePick } from '../cases/openCase.ts';

/** Where a node came from: its source row, or that it was derived. */
export function sourceLine(source: NodeDetail['node']['source']): string {
  return source ? `row ${source.row} of file ${source.file.slice(0, 16)}…` : 'derived (no source row)';
}

/** Memoised: it renders again only when its own props change, not on every canvas step. */
export const EntityDetail = memo(function EntityDetail({
  detail,
  onOpenRing,
}: {
  detail: NodeDetail;
  onOpenRing: (id: string) => void;
}) {
  const money = useMoney();
  const currency = useCurrencyCode();
  // With a case open that the user may change, a timeline point adds its line as evidence.
  const pickable = useCaseEvidencePick()('Shipment:');
  return (
    <>
      {detail.risk && (
        <>
          <h3>
            Risk {formatScore(detail.risk.score)} · {money(detail.risk.revenueAtRisk)} at risk
          </h3>
          <ul className="small">
            {detail.risk.reasons.map((reason) => (
              <li key={reason}>{restateMoney(reason, currency)}</li>
            ))}
          </ul>
        </>
      )}
      {detail.rings.length > 0 && <RingLinks rings={detail.rings} onOpenRing={onOpenRing} />}
      {detail.shipments.count > 0 && (
        <>
          <h3>
            Declarations: {detail.shipments.count} lines, {money(detail.shipments.totalValue)}
          </h3>
          <Timeline
            series={detail.shipments.series}
            onPick={pickable ? (p) => void addLineToOpenCase(`${p.declarationId}/${p.line}`) : undefined}
          />
          {pickable && <p className="small muted">Click a point: {pickable.label}.</p>}
        </>
      )}
      <h3>Properties</h3>
      <PropertiesTable node={detail.node} />
      <h3>Source</h3>
      <p className="small mono">{sourceLine(detail.node.source)}</p>
    </>
  );
});

function RingLinks({ rings, onOpenRing }: { rings: NodeDetail['rings']; onOpenRing: (id: string) => void }) {
  return (
    <>
      <h3>Rings</h3>
      <ul>
        {rings.map((ring) => (
          <li key={ring.id}>
            <button type="button" className="link" data-ring-id={ring.id} onClick={() => onOpenRing(ring.id)}>
              {typologyTitle(ring.typology)} ({formatScore(ring.score)})
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function PropertiesTable({ node }: { node: NodeDetail['node'] }) {
  return (
    <table className="props">
      <tbody>
        <tr>
          <th scope="row">id</th>
          <td>{node.id}</td>
        </tr>
        {Object.entries(node.props).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value === null ? '—' : String(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
