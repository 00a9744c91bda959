// Cases: create, open, add the selection or the open ring, notes, evidence, status, case pack;
// and the suspect-list export for enforcement.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.ts';
import { describeError } from '../api/http.ts';
import { CASE_STATUSES, type CaseDetail, type CaseSummary, type Role } from '../api/schemas.ts';
import { canWrite, typologyTitle } from '../format.ts';
import type { ExplorerState } from '../state/types.ts';

interface Props {
  state: ExplorerState;
  role: Role;
  onOpenCase: (id: string | null) => void;
}

export function CasesPanel({ state, role, onOpenCase }: Props) {
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState({ description: '', declarations: '' });
  const [message, setMessage] = useState<string | null>(null);
  const writable = canWrite(role, 'cases');

  const refresh = useCallback(async () => {
    setCases((await api.cases()).cases);
  }, []);
  useEffect(() => {
    refresh().catch((failure: unknown) => setMessage(describeError(failure)));
  }, [refresh]);
  useEffect(() => {
    if (!state.caseId) {
      setDetail(null);
      return;
    }
    api
      .caseDetail(state.caseId)
      .then((answer) => setDetail(answer.case))
      .catch((failure: unknown) => setMessage(describeError(failure)));
  }, [state.caseId]);

  const run = async (work: () => Promise<{ case: CaseDetail } | void>, done: string) => {
    setMessage(null);
    try {
      const answer = await work();
      if (answer) setDetail(answer.case);
      await refresh();
      setMessage(done);
    } catch (failure) {
      setMessage(describeError(failure));
    }
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await api.createCase(title.trim(), '');
      setTitle('');
      onOpenCase(created.case.id);
    }, 'Case created.');
  };

  return (
    <section aria-labelledby="cases-title" className="cases">
      <h2 id="cases-title">Cases</h2>
      {canWrite(role, 'exports') && (
        <p>
          <a className="button" href={api.suspectsCsvUrl()} download>
            Download suspect list (CSV)
          </a>
        </p>
      )}
      {writable && (
        <form onSubmit={create} className="row">
          <label className="grow">
            New case title
            <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
          </label>
          <button type="submit">Create case</button>
        </form>
      )}
      <label>
        Open case
        <select value={state.caseId ?? ''} onChange={(e) => onOpenCase(e.target.value || null)}>
          <option value="">— none —</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title} ({c.status}, {c.entityCount} entities)
            </option>
          ))}
        </select>
      </label>
      {message && (
        <p role="status" className="small">
          {message}
        </p>
      )}
      {detail && (
        <div className="case-detail" data-case-id={detail.id}>
          <h3>{detail.title}</h3>
          <label>
            Status
            <select
              value={detail.status}
              disabled={!writable}
              onChange={(e) => {
                const status = e.target.value;
                void run(() => api.setCaseStatus(detail.id, status), 'Status updated.');
              }}
            >
              {[...new Set<string>([...CASE_STATUSES, detail.status])].map((s) => (
                <option key={s} value={s}>
                  {s.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </label>
          {writable && (
            <div className="row wrap">
              <button
                type="button"
                disabled={state.selection.length === 0}
                onClick={() =>
                  void run(
                    () => api.addCaseEntities(detail.id, state.selection),
                    `Added ${state.selection.length} entities.`,
                  )
                }
              >
                Add selection ({state.selection.length})
              </button>
              <button
                type="button"
                disabled={!state.openRing}
                onClick={() => {
                  const ringId = state.openRing?.ring.id;
                  if (ringId) void run(() => api.addCaseRing(detail.id, ringId), 'Ring added.');
                }}
              >
                Add open ring
              </button>
              <a className="button" href={api.casePackUrl(detail.id)} download>
                Download case pack
              </a>
            </div>
          )}
          <h4>Entities ({detail.entities.length})</h4>
          <ul className="small compact">
            {detail.entities.slice(0, 50).map((e) => (
              <li key={e.key}>
                {e.name ?? e.id} <span className="muted">{e.label}</span>
              </li>
            ))}
          </ul>
          {detail.rings.length > 0 && (
            <>
              <h4>Rings</h4>
              <ul className="small compact">
                {detail.rings.map((r) => (
                  <li key={r.id}>
                    {typologyTitle(r.typology)} <span className="muted">{r.id}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h4>Notes</h4>
          <ul className="small">
            {detail.notes.map((n, i) => (
              <li key={i}>
                {n.text}{' '}
                <span className="muted">
                  — {n.author}, {n.at.slice(0, 16).replace('T', ' ')}
                </span>
              </li>
            ))}
          </ul>
          {writable && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void run(() => api.addCaseNote(detail.id, note.trim()), 'Note added.').then(() =>
                  setNote(''),
                );
              }}
            >
              <label>
                Note
                <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} required />
              </label>
              <button type="submit">Add note</button>
            </form>
          )}
          <h4>Evidence</h4>
          <ul className="small">
            {detail.evidence.map((item, i) => (
              <li key={i}>
                {item.description} <span className="muted mono">{item.declarationIds.join(', ')}</span>
              </li>
            ))}
          </ul>
          {writable && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const ids = evidence.declarations.split(/[\s,]+/).filter(Boolean);
                void run(
                  () =>
                    api.addCaseEvidence(
                      detail.id,
                      evidence.description.trim(),
                      ids,
                      state.openRing?.ring.id ?? null,
                    ),
                  'Evidence added.',
                ).then(() => setEvidence({ description: '', declarations: '' }));
              }}
            >
              <label>
                Evidence description
                <input
                  value={evidence.description}
                  onChange={(e) => setEvidence({ ...evidence, description: e.target.value })}
                  required
                />
              </label>
              <label>
                Declaration lines (declarationId/line, comma separated)
                <input
                  value={evidence.declarations}
                  onChange={(e) => setEvidence({ ...evidence, declarations: e.target.value })}
                />
              </label>
              <button type="submit">Add evidence</button>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
