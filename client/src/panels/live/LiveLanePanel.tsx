// The live lane: declarations as they are scored, newest first, each with its lane, its highest
// score and the reasons of its flagged lines. Clicking one opens its importer on the canvas.
import type { LiveDeclaration } from '../../api/schemas.ts';
import { liveKey } from '../../state/live.ts';
import { LaneBadge } from './LaneBadge.tsx';
import { clockTime, flaggedLines, partyTitle, percent } from './text.ts';

interface Props {
  declarations: LiveDeclaration[];
  connected: boolean;
  error: string | null;
  onOpenParty: (key: string) => void;
}

export function LiveLanePanel({ declarations, connected, error, onOpenParty }: Props) {
  return (
    <section aria-labelledby="live-title" className="live">
      <h2 id="live-title">
        Live lane{' '}
        <span className={connected ? 'small ok' : 'small muted'} data-testid="live-status">
          {connected ? '● live' : 'reconnecting…'}
        </span>
      </h2>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {declarations.length === 0 && !error && (
        <p className="muted small">No declarations scored yet: they appear here as they arrive.</p>
      )}
      <ol className="feed" aria-label="Scored declarations">
        {declarations.map((d) => (
          <LiveItem key={liveKey(d)} declaration={d} onOpenParty={onOpenParty} />
        ))}
      </ol>
    </section>
  );
}

function LiveItem({
  declaration: d,
  onOpenParty,
}: {
  declaration: LiveDeclaration;
  onOpenParty: (key: string) => void;
}) {
  const top = Math.max(...d.lines.map((l) => l.score));
  const flagged = flaggedLines(d);
  return (
    <li className={`feed-item lane-edge-${d.lane}`} data-declaration-id={d.declaration_id}>
      <div className="feed-head">
        <LaneBadge lane={d.lane} />
        <button
          type="button"
          className="link"
          onClick={() => onOpenParty(d.importer_key)}
          title={`Open ${d.importer_key} on the canvas`}
        >
          {d.declaration_id}
        </button>
        <span className="small muted">{clockTime(d.scored_at)}</span>
      </div>
      <p className="small">
        {partyTitle(d.importer_key)} · {d.lines.length} {d.lines.length === 1 ? 'line' : 'lines'} · top score{' '}
        {percent(top)}
        {d.stored ? ' · stored' : ''}
      </p>
      {flagged.length > 0 && (
        <ul className="small reasons">
          {flagged.map((l) => (
            <li key={l.line}>
              Line {l.line} <LaneBadge lane={l.lane} /> {percent(l.score)}
              {l.reasons.length > 0 && <span>: {l.reasons.join('; ')}</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
