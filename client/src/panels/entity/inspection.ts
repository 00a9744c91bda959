// The inspection-result form's input, read into the API's body: pure, tested in tests/client.
import type { InspectionBody } from '../../api/risk.ts';

export interface ResultDraft {
  found: 'yes' | 'no' | '';
  /** As typed; '' when nothing was recovered or it is not known. */
  revenue: string;
  notes: string;
}

export const NO_RESULT: ResultDraft = { found: '', revenue: '', notes: '' };

/** The body to send, or what to fix in the form. */
export function inspectionBody(
  declarationId: string,
  line: number,
  draft: ResultDraft,
): InspectionBody | string {
  if (draft.found === '') return 'Say whether anything was found.';
  const body: InspectionBody = { declaration_id: declarationId, line, found: draft.found === 'yes' };
  const revenue = draft.revenue.trim().replaceAll(',', '');
  if (revenue !== '') {
    const amount = Number(revenue);
    if (!Number.isFinite(amount) || amount < 0)
      return `Revenue recovered: "${draft.revenue}" is not an amount; give a number such as 1250.50.`;
    body.revenue_recovered = amount;
  }
  const notes = draft.notes.trim();
  if (notes !== '') body.notes = notes;
  return body;
}
