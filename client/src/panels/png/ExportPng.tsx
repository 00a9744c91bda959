// The toolbar's "Export PNG": asks for a title (the open ring's or investigation's name, else
// "Ringscope network"), then downloads the canvas with a header (title, date, who exported it)
// and a legend of the kinds on the canvas. The picture is made in the browser and recorded in the
// audit trail (title, nodes, size, SHA-256) before it is saved: refused there, nothing is saved.
import type { Core } from 'cytoscape';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import type { User } from '../../api/schemas.ts';
import type { ExplorerState } from '../../state/types.ts';
import { composeExport, EXPORT_SCALE } from './compose.ts';
import { legendItems } from './legend-items.ts';
import './export-png.css';

interface Props {
  state: ExplorerState;
  cy: () => Core | null;
  user: Pick<User, 'username' | 'role'>;
  /** The open saved investigation's name, if one is open. */
  investigationName: string | null;
}

export function defaultTitle(state: ExplorerState, investigationName: string | null): string {
  if (state.openRing)
    return `Ring ${state.openRing.ring.id} (${state.openRing.ring.typology.replaceAll('_', ' ')})`;
  return investigationName?.trim() || 'Ringscope network';
}

/** "2026-12-07 23:40 UTC". */
const stamp = (now: Date) => `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

async function download(cy: Core, title: string, props: Props): Promise<void> {
  const canvasPng = cy.png({
    output: 'blob',
    full: true,
    bg: '#ffffff',
    scale: EXPORT_SCALE,
    maxWidth: 8000,
    maxHeight: 8000,
  });
  const now = new Date();
  const byline = `${stamp(now)} · exported by ${props.user.username} (${props.user.role.replace('_', ' ')})`;
  const blob = await composeExport(canvasPng, { title, byline }, legendItems(props.state));
  const bytes = await blob.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  await api.recordCanvasPicture({
    title,
    nodes: Object.keys(props.state.nodes).length,
    bytes: bytes.byteLength,
    sha256: [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''),
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `ringscope-${now.toISOString().slice(0, 19).replaceAll(':', '')}.png`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportPng(props: Props) {
  const [title, setTitle] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const empty = Object.keys(props.state.nodes).length === 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const core = props.cy();
    if (!core || title === null) return;
    download(core, title.trim() || defaultTitle(props.state, props.investigationName), props).then(
      () => setTitle(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  if (title === null)
    return (
      <button
        type="button"
        onClick={() => {
          setError(null);
          setTitle(defaultTitle(props.state, props.investigationName));
        }}
        disabled={empty}
      >
        Export PNG
      </button>
    );
  return (
    <form className="export-png" aria-label="Export PNG" onSubmit={submit}>
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} size={28} autoFocus />
      </label>
      <button type="submit">Download PNG</button>
      <button type="button" onClick={() => setTitle(null)}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </form>
  );
}
