// How the live panels phrase what the risk API sends: times, scores, the flagged lines of a
// scored declaration. Pure functions, tested in tests/client.
import type { Alert, LiveDeclaration } from '../../api/schemas.ts';

/** `2026-12-07T19:31:04.120Z` → `19:31:04` (the browser's time zone). */
export function clockTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleTimeString('en-GB', { hour12: false });
}

/** A probability as a percentage with one decimal: 0.9134 → `91.3%`. */
export const percent = (p: number): string => `${(p * 100).toFixed(1)}%`;

/** The lines an officer acts on (red and amber), highest score first. */
export function flaggedLines(declaration: LiveDeclaration): LiveDeclaration['lines'] {
  return declaration.lines
    .filter((l) => l.lane !== 'green')
    .sort((a, b) => b.score - a.score || a.line - b.line);
}

/** `Importer:IM-0042` → `IM-0042 (importer)`. */
export function partyTitle(key: string): string {
  const at = key.indexOf(':');
  if (at < 0) return key;
  return `${key.slice(at + 1)} (${key.slice(0, at).toLowerCase()})`;
}

/** What raised an alert, in a few words. */
export function alertTitle(alert: Alert): string {
  const where = alert.line === null ? alert.declaration_id : `${alert.declaration_id} line ${alert.line}`;
  return alert.kind === 'red_lane' ? `Red lane: ${where}` : `Watched party: ${where}`;
}
