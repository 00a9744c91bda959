// Leads: parties worth a look because of where they sit (near a seizure, holding risky firms
// together), best first, each with its score and reason; clicking one opens the party. A lead is
// where to look, not a ring. LeadNote shows a party's lead in its entity panel.
import { memo } from 'react';
import type { Lead } from '../../api/schemas.ts';

type Party = Lead['path'][number]['from'];

function PartyLink({ party, onOpen }: { party: Party; onOpen: (key: string) => void }) {
  return (
    <button type="button" className="link" onClick={() => onOpen(`${party.label}:${party.id}`)}>
      {party.id}
    </button>
  );
}
import { formatScore, typologyTitle } from '../../format.ts';
import { leadKey, type Leads } from './useLeads.ts';

/** Memoised: it renders again only when its own props change, not on every canvas step. */
export const LeadsPanel = memo(function LeadsPanel({
  leads,
  onOpen,
}: {
  leads: Leads;
  onOpen: (key: string) => void;
}) {
  return (
    <section aria-labelledby="leads-title" className="panel leads">
      <h2 id="leads-title">
        Leads{' '}
        <span className="muted small">
          {leads.total > 0 ? `${leads.leads.length} of ${leads.total}` : ''}
        </span>
      </h2>
      {leads.error && (
        <p role="alert" className="error small">
          {leads.error}
        </p>
      )}
      {leads.leads.length === 0 && !leads.error && <p className="muted small">No leads from the last run.</p>}
      <ol className="lead-list" aria-label="Leads">
        {leads.leads.map((lead) => (
          <li key={`${lead.detector}|${leadKey(lead)}`}>
            <button type="button" onClick={() => onOpen(leadKey(lead))} data-lead-key={leadKey(lead)}>
              <span className="ring-head">
                <strong>{lead.id}</strong>
                <span>{formatScore(lead.score)}</span>
              </span>
              <span className="small muted">
                {lead.label} · {typologyTitle(lead.detector)}
              </span>
              <span className="small lead-reason">{lead.reason}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
});

/** A party's lead with its seizure path, each party on it a link that opens it. */
export function LeadNote({ lead, onOpen }: { lead: Lead; onOpen: (key: string) => void }) {
  return (
    <section aria-label="Lead" className="lead-note">
      <h3>
        Lead · {typologyTitle(lead.detector)} ({formatScore(lead.score)})
      </h3>
      <p className="small">{lead.reason}</p>
      {lead.path.length > 0 && (
        <ol className="small seizure-path" aria-label="Seizure path">
          {lead.path.map((step) => (
            <li key={`${step.from.id}|${step.to.id}`}>
              <PartyLink party={step.from} onOpen={onOpen} /> → <PartyLink party={step.to} onOpen={onOpen} />{' '}
              <span className="muted">({step.kinds.join(', ')})</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
