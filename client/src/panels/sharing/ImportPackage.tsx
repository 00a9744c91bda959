// "Import partner package": a package received from a partner, checked on the server against that
// partner's keys, and the report: who sent it, for what and until when, the ring's indicators, and
// which of our parties match its members with what confidence and evidence. A refused package
// shows the reason the server named.
import { useEffect, useState, type FormEvent } from 'react';
import type { ShareReport } from '../../../../src/api/index.ts';
import { describeError } from '../../api/http.ts';
import { formatScore, typologyTitle } from '../../format.ts';
import { importPackage, whoami } from './shareApi.ts';

export function ImportPackage({ onOpenParty }: { onOpenParty: (key: string) => void }) {
  const [partners, setPartners] = useState<string[]>([]);
  const [partner, setPartner] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ShareReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    whoami()
      .then((who) => {
        const names = who.partners.filter((p) => p.canImport).map((p) => p.name);
        setPartners(names);
        setPartner(names[0] ?? '');
      })
      .catch((e: unknown) => setError(describeError(e)));
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setReport(null);
    file
      .text()
      .then((text) => importPackage(partner, text))
      .then(setReport)
      .catch((e: unknown) => setError(describeError(e)));
  };
  return (
    <section aria-labelledby="import-title" className="share-import">
      <h2 id="import-title">Import partner package</h2>
      <form className="share-form" onSubmit={submit}>
        <label>
          From{' '}
          <select value={partner} onChange={(e) => setPartner(e.target.value)}>
            {partners.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Package file{' '}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" disabled={!file || partner === ''}>
          Check and match
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report && <ReportView report={report} onOpenParty={onOpenParty} />}
    </section>
  );
}

function ReportView({ report, onOpenParty }: { report: ShareReport; onOpenParty: (key: string) => void }) {
  return (
    <div data-testid="share-report">
      <p className="small">
        From <strong>{report.sender}</strong> (signer <span className="mono">{report.signer}</span>) ·{' '}
        {report.handling} · until {report.expiresAt.slice(0, 10)}
        <br />
        Purpose: {report.purpose}
      </p>
      {report.receivedBefore && (
        <p className="notice small">This package was received before, at {report.receivedBefore}.</p>
      )}
      {report.rings.map((ring) => (
        <div key={ring.ref} className="share-ring">
          <h3>
            {typologyTitle(ring.typology)} ring <span className="muted small">{ring.ref}</span>
          </h3>
          <p className="small">
            Score <strong>{formatScore(ring.score)}</strong> · {ring.memberCount} members · revenue at risk{' '}
            {ring.revenueAtRiskBand}
          </p>
          <ul className="small">
            {ring.indicators.map((i) => (
              <li key={i.name}>
                {i.name.replaceAll('_', ' ')}
                {i.count > 1 ? ` ×${i.count}` : ''} · {formatScore(i.contribution)} of the score
              </li>
            ))}
          </ul>
        </div>
      ))}
      <h3>
        {report.matches.length} of our parties match {report.matchedMembers} of {report.members} members
      </h3>
      <table className="props share-matches">
        <thead>
          <tr>
            <th>Our party</th>
            <th>Member</th>
            <th>Confidence</th>
          </tr>
        </thead>
        <tbody>
          {report.matches.map((m) => (
            <MatchRows key={`${m.party.label}:${m.party.id}`} match={m} onOpenParty={onOpenParty} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Match = ShareReport['matches'][number];

/** One match: our party, the member and the confidence, then the evidence across the table. */
function MatchRows({ match: m, onOpenParty }: { match: Match; onOpenParty: (key: string) => void }) {
  const key = `${m.party.label}:${m.party.id}`;
  return (
    <>
      <tr className="match">
        <td>
          <button type="button" className="link" onClick={() => onOpenParty(key)}>
            {m.party.name ?? m.party.id}
          </button>{' '}
          <span className="muted small">{key}</span>
        </td>
        <td>
          {m.member} <span className="muted small">{m.rings.join(', ')}</span>
        </td>
        <td>{m.confidence.toFixed(4)}</td>
      </tr>
      <tr className="match-evidence">
        <td colSpan={3} className="small muted">
          {m.evidence.join('; ')}
        </td>
      </tr>
    </>
  );
}
