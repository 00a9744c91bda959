// "Share with partner…" on a ring or a case: the partner (one the server holds a key for), the
// purpose, the handling code and the expiry, then the signed package as a download. Shown only to
// the roles that may send packages.
import { useEffect, useState, type FormEvent } from 'react';
import { allows, SHARE_EXPORTERS, type Role } from '../../../../src/api/index.ts';
import { describeError } from '../../api/http.ts';
import { downloadPackage, whoami } from './shareApi.ts';

type Selection = { ring: string } | { case: string };

const HANDLING_CODES = ['TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN'];

/** Thirty days from today, as the date input wants it. */
const inThirtyDays = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

export function ShareWithPartner({ selection, role }: { selection: Selection; role: Role }) {
  const [open, setOpen] = useState(false);
  if (!allows(SHARE_EXPORTERS, role)) return null;
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Share with partner…
      </button>
    );
  return <ShareForm selection={selection} onClose={() => setOpen(false)} />;
}

function ShareForm({ selection, onClose }: { selection: Selection; onClose: () => void }) {
  const [partners, setPartners] = useState<string[] | null>(null);
  const [partner, setPartner] = useState('');
  const [purpose, setPurpose] = useState('');
  const [handling, setHandling] = useState('TLP:AMBER');
  const [expires, setExpires] = useState(inThirtyDays);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    whoami()
      .then((who) => {
        setPartners(who.partners.map((p) => p.name));
        setPartner(who.partners[0]?.name ?? '');
      })
      .catch((error: unknown) => setStatus({ ok: false, text: describeError(error) }));
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    downloadPackage({ ...selection, partner, purpose, handling, expires })
      .then((name) => setStatus({ ok: true, text: `Package saved as ${name}.` }))
      .catch((error: unknown) => setStatus({ ok: false, text: describeError(error) }));
  };
  return (
    <form className="share-form" aria-label="Share with partner" onSubmit={submit}>
      {partners !== null && partners.length === 0 && (
        <p className="muted small">No partner keys on the server (RINGSCOPE_SHARE_KEYS_DIR).</p>
      )}
      <label>
        Partner{' '}
        <select value={partner} onChange={(e) => setPartner(e.target.value)} required>
          {(partners ?? []).map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label>
        Purpose{' '}
        <input value={purpose} onChange={(e) => setPurpose(e.target.value)} required maxLength={2000} />
      </label>
      <label>
        Handling code{' '}
        <select value={handling} onChange={(e) => setHandling(e.target.value)}>
          {HANDLING_CODES.map((code) => (
            <option key={code}>{code}</option>
          ))}
        </select>
      </label>
      <label>
        Expires <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} required />
      </label>
      <div className="row">
        <button type="submit" disabled={partner === ''}>
          Download package
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
      {status && (
        <p className={status.ok ? 'ok small' : 'error small'} role="status">
          {status.text}
        </p>
      )}
    </form>
  );
}
