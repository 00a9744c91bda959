// Typed fetch for the Ringscope API: JSON in, zod-validated JSON out, and one error type that
// carries the API's error shape (code, message, request id) to the panels. Row problems travel
// with a failed job, never with an error answer.
import type { z } from 'zod';
import { ErrorBody } from './schemas.ts';

/** An error answer; one the explorer makes up itself (not JSON, unexpected shape) has no request id. */
type ErrorFacts = Omit<ErrorBody['error'], 'requestId'> & { requestId?: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  /** The fields a refused request got wrong, as the server named them. */
  readonly issues: NonNullable<ErrorFacts['issues']>;

  constructor(status: number, body: ErrorFacts) {
    super(withIssues(body));
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId;
    this.issues = body.issues ?? [];
  }
}

/** The server's message with the fields it names (at most three): `…: notes: contains …`. */
function withIssues(body: ErrorFacts): string {
  const issues = body.issues ?? [];
  if (issues.length === 0) return body.message;
  const named = issues
    .slice(0, 3)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `${body.message.replace(/;\s*see issues\s*$/, '')}: ${named.join('; ')}${more}`;
}

type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function failure(response: Response): Promise<ApiError> {
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: fall through to a generic error that keeps the status
  }
  const body = ErrorBody.safeParse(parsed);
  if (body.success) return new ApiError(response.status, body.data.error);
  return new ApiError(response.status, {
    code: `http_${response.status}`,
    message: `${response.status} ${response.statusText} from ${response.url}`,
  });
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

let sessionEnded: (() => void) | null = null;

/**
 * What to do when the server no longer knows the session (a 401 from any request but signing in
 * and asking who is signed in): the app returns to the sign-in page. Null stops listening.
 */
export function onSessionEnded(handler: (() => void) | null): void {
  sessionEnded = handler;
}

/** Calls the API and validates the answer against `schema`. */
export async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  };
  if (options.signal) init.signal = options.signal;
  if (options.body instanceof FormData) {
    init.body = options.body;
  } else if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
  }
  const response = await fetch(path, init);
  if (response.status === 401 && !path.startsWith('/api/auth/')) sessionEnded?.();
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return schema.parse(undefined);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(response.status, {
      code: 'unexpected_answer',
      message: `The server's answer to ${path} did not have the expected shape: ${parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    });
  }
  return parsed.data;
}

/** A readable one-line message for any error a panel shows. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError)
    return error.requestId ? `${error.message} (request ${error.requestId})` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
