// How a job ended, as the jobs panel shows it: a message and, when files were refused, the
// problems of the row report. Pure functions from what the server sent.
import { describeError } from '../../api/http.ts';
import type { JobFailure, RowProblem } from '../../api/schemas.ts';

export type JobKind = 'ingest' | 'detect';

export interface Outcome {
  ok: boolean;
  message: string;
  problems: RowProblem[];
  total: number;
}

/** The JSON of a server-sent event's data, or null when it is absent or not JSON. */
export function parseData(raw: unknown): unknown {
  try {
    return typeof raw === 'string' ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function finished(kind: JobKind): Outcome {
  return {
    ok: true,
    message: `${kind === 'ingest' ? 'Ingest' : 'Detection'} finished.`,
    problems: [],
    total: 0,
  };
}

export function failed(failure: JobFailure): Outcome {
  return { ok: false, message: failure.message, problems: failure.problems ?? [], total: failure.total ?? 0 };
}

export const LOST_CONNECTION: Outcome = {
  ok: false,
  message: 'Lost the connection to the job; check its state later.',
  problems: [],
  total: 0,
};

/** A job the server would not start: its message (row reports come only with a failed job). */
export function refused(failure: unknown): Outcome {
  return { ok: false, message: describeError(failure), problems: [], total: 0 };
}

/** The row report's caption: how many problems, and how many of them are shown. */
export function reportCaption(shown: number, total: number): string {
  return total > shown
    ? `First ${shown} of ${total} problems`
    : `${shown} ${shown === 1 ? 'problem' : 'problems'}`;
}
