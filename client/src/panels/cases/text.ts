// Pure helpers of the case panels: reading typed input and phrasing what a case holds.
import { CASE_STATUSES } from '../../api/schemas.ts';

/** Declaration line ids typed as a list separated by commas or spaces. */
export function parseDeclarationIds(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** The statuses a case may be set to, with its current one even if the list no longer has it. */
export function statusChoices(current: string): string[] {
  return [...new Set<string>([...CASE_STATUSES, current])];
}

/** An ISO timestamp to the minute, as "YYYY-MM-DD HH:MM". */
export function stampToMinute(at: string): string {
  return at.slice(0, 16).replace('T', ' ');
}
