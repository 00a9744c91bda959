// Inspection results on a declaration line: those recorded on its declaration, and (for the
// roles that may record them) the form: found or not, revenue recovered, notes. A refused form
// keeps what was typed and says why.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { describeError } from '../../api/http.ts';
import { riskApi } from '../../api/risk.ts';
import type { Inspection } from '../../api/schemas.ts';
import { useMoney } from '../../money.tsx';
import { clockTime } from '../live/text.ts';
import { inspectionBody, NO_RESULT, type ResultDraft } from './inspection.ts';

interface Props {
  declarationId: string;
  line: number;
  mayRecord: boolean;
  /** Called when a result labelled the line in the graph store (its properties changed). */
  onLabelled: () => void;
}

export function InspectionResults({ declarationId, line, mayRecord, onLabelled }: Props) {
  const [recorded, setRecorded] = useState<Inspection[]>([]);
  const [error, setError] = useState<string | null>(null);
  const money = useMoney();
  const load = useCallback(
    () =>
      riskApi
        .inspections(declarationId)
        .then((answer) => setRecorded(answer.inspections))
        .catch((failure: unknown) => setError(describeError(failure))),
    [declarationId],
  );
  useEffect(() => {
    setRecorded([]);
    setError(null);
    void load();
  }, [load]);

  return (
    <section aria-labelledby="inspection-title">
      <h3 id="inspection-title">Inspection results</h3>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {recorded.length === 0 && !error && <p className="muted small">None recorded on {declarationId}.</p>}
      <ul className="small" aria-label="Recorded inspection results">
        {recorded.map((r) => (
          <li key={r.id} className={r.line === line ? undefined : 'muted'}>
            Line {r.line}: <strong>{r.found ? 'found' : 'nothing found'}</strong>
            {r.revenue_recovered !== null && `, ${money(r.revenue_recovered)} recovered`}
            {r.notes && ` · ${r.notes}`} · {r.recorded_by} {clockTime(r.recorded_at)}
          </li>
        ))}
      </ul>
      {mayRecord && (
        <ResultForm
          declarationId={declarationId}
          line={line}
          onRecorded={(inStore) => {
            void load();
            if (inStore) onLabelled();
          }}
        />
      )}
    </section>
  );
}

function ResultForm({
  declarationId,
  line,
  onRecorded,
}: Omit<Props, 'mayRecord' | 'onLabelled'> & { onRecorded: (inStore: boolean) => void }) {
  const [draft, setDraft] = useState<ResultDraft>(NO_RESULT);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setDraft(NO_RESULT);
    setMessage(null);
  }, [declarationId, line]);
  const set = (change: Partial<ResultDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = inspectionBody(declarationId, line, draft);
    if (typeof body === 'string') return setMessage({ ok: false, text: body });
    setBusy(true);
    setMessage(null);
    riskApi
      .recordInspection(body)
      .then((recorded) => {
        setDraft(NO_RESULT);
        setMessage({ ok: true, text: 'Result recorded.' });
        onRecorded('in_store' in recorded && recorded.in_store);
      })
      .catch((failure: unknown) => setMessage({ ok: false, text: describeError(failure) }))
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} aria-label={`Inspection result for line ${line}`} className="inspection-form">
      <fieldset className="found">
        <legend>Found on inspection (line {line})</legend>
        <label className="check">
          <input
            type="radio"
            name="found"
            checked={draft.found === 'yes'}
            onChange={() => set({ found: 'yes' })}
          />
          Yes
        </label>
        <label className="check">
          <input
            type="radio"
            name="found"
            checked={draft.found === 'no'}
            onChange={() => set({ found: 'no' })}
          />
          No
        </label>
      </fieldset>
      <label>
        Revenue recovered
        <input
          inputMode="decimal"
          value={draft.revenue}
          onChange={(e) => set({ revenue: e.target.value })}
          placeholder="0"
        />
      </label>
      <label>
        Notes
        <textarea value={draft.notes} onChange={(e) => set({ notes: e.target.value })} rows={2} />
      </label>
      <button type="submit" disabled={busy}>
        Record result
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok small' : 'error small'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
