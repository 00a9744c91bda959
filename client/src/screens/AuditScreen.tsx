// The audit trail for admins: entries filtered by user, action and day range, newest first, and
// "Verify the chain", which walks every entry's hash and names the first broken one.
import { useEffect, useState, type FormEvent } from 'react';
import type { AuditEntry } from '../../../src/api/users.ts';
import { adminApi, type AuditFilter } from '../api/admin.ts';
import { Status, useRunner } from './useRunner.tsx';

/** The actions the server writes (server/audit.ts), for the filter's list. */
const ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'password_change',
  'user_admin',
  'write',
  'export',
  'denied',
  'ingest',
  'detect',
  'view_audit',
  'view_node',
  'view_neighbourhood',
  'view_paths',
  'view_trade_links',
  'view_routes',
  'search',
  'view_ring',
  'view_targets',
  'view_cases',
  'view_case',
  'view_investigations',
  'view_investigation',
  'score',
  'inspection',
  'watch_list',
  'acknowledge_alert',
  'audit_key_rotated',
];

/** Entries per page; _Older entries_ asks for the next page. */
const PAGE = 200;

const NO_FILTER: AuditFilter = { user: '', action: '', from: '', to: '' };

type Verification = Awaited<ReturnType<typeof adminApi.verifyAudit>>;

function verdict(v: Verification): string {
  if (v.ok) return `Chain OK: ${v.entries} entries verified${v.head ? `, head #${v.head.seq}` : ''}.`;
  return `Chain BROKEN at entry #${v.firstBroken?.seq ?? '?'}: ${v.firstBroken?.reason ?? 'unknown reason'}.`;
}

export function AuditScreen() {
  const [draft, setDraft] = useState<AuditFilter>(NO_FILTER);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [verification, setVerification] = useState<Verification | null>(null);
  const { message, error, run } = useRunner();
  const [applied, setApplied] = useState<AuditFilter>(NO_FILTER);
  // Whether the last page was full, so older entries may remain.
  const [more, setMore] = useState(false);
  const load = (filter: AuditFilter) =>
    run(() => adminApi.audit(filter, PAGE)).then((answer) => {
      if (!answer) return;
      setApplied(filter);
      setEntries(answer.entries);
      setMore(answer.entries.length === PAGE);
    });
  const older = () =>
    run(() => adminApi.audit(applied, PAGE, entries.at(-1)?.seq)).then((answer) => {
      if (!answer) return;
      setEntries((shown) => [...shown, ...answer.entries]);
      setMore(answer.entries.length === PAGE);
    });
  useEffect(() => {
    void load(NO_FILTER);
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load(draft);
  };
  const set = (field: keyof AuditFilter) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  return (
    <section aria-label="Audit trail">
      <form className="inline" onSubmit={submit} aria-label="Filter the audit trail">
        <label>
          User
          <input value={draft.user} onChange={(e) => set('user')(e.target.value)} placeholder="any" />
        </label>
        <label>
          Action
          <select value={draft.action} onChange={(e) => set('action')(e.target.value)} aria-label="Action">
            <option value="">any</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={draft.from} onChange={(e) => set('from')(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={draft.to} onChange={(e) => set('to')(e.target.value)} />
        </label>
        <button type="submit">Apply</button>
        <button
          type="button"
          onClick={() => void run(() => adminApi.verifyAudit()).then((v) => v && setVerification(v))}
        >
          Verify the chain
        </button>
      </form>
      {verification && (
        <p role="status" data-testid="chain" className={verification.ok ? 'ok' : 'broken'}>
          {verdict(verification)}
        </p>
      )}
      <Status message={message} error={error} />
      <AuditTable entries={entries} />
      {more && (
        <button type="button" onClick={() => void older()}>
          Older entries
        </button>
      )}
    </section>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="muted">No entries match.</p>;
  return (
    <table data-testid="audit-entries">
      <thead>
        <tr>
          <th>#</th>
          <th>When (UTC)</th>
          <th>User</th>
          <th>Action</th>
          <th>Target</th>
          <th>Detail</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq} data-action={e.action}>
            <td className="num">{e.seq}</td>
            <td className="small">{e.at.replace('T', ' ').slice(0, 19)}</td>
            <td>{e.username ?? '—'}</td>
            <td>{e.action}</td>
            <td className="mono small">{e.target ?? ''}</td>
            <td className="mono small">{JSON.stringify(e.detail)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
