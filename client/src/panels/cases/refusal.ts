// A refused form's message in the form's own words: each field the server names, by the label
// the user sees ("Declaration lines: …"), and which fields to mark invalid. Pure, tested in
// tests/client.
import { ApiError, describeError } from '../../api/http.ts';

export interface Refusal {
  message: string;
  /** The form's fields (its label keys) the server refused. */
  fields: string[];
}

/** `labels` maps the API's field names (e.g. `declarationIds`) to the form's labels. */
export function refusalOf(failure: unknown, labels: Record<string, string>): Refusal {
  if (!(failure instanceof ApiError) || failure.issues.length === 0)
    return { message: describeError(failure), fields: [] };
  const fields: string[] = [];
  const parts = failure.issues.slice(0, 3).map((issue) => {
    const field = issue.path.split('.').find((segment) => segment in labels);
    if (!field) return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
    if (!fields.includes(field)) fields.push(field);
    return `${labels[field]}: ${issue.message}`;
  });
  const id = failure.requestId ? ` (request ${failure.requestId})` : '';
  return { message: `${parts.join('; ')}${id}`, fields };
}
