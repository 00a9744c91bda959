// API errors and the one error handler: every failure becomes `{error:{code,message,requestId}}`
// with the right status; unexpected ones are logged in full and answered generically.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { StoreError } from '../../src/store/errors.ts';
import { UserError } from '../auth/users.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    /** Response headers the answer carries, e.g. Retry-After on a 503. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found`);
export const forbidden = (message = 'your role does not allow this') =>
  new ApiError(403, 'forbidden', message);

const STORE_STATUS: Record<StoreError['code'], number> = {
  conflict: 409,
  unavailable: 503,
  invalid: 400,
  not_found: 404,
};
const USER_STATUS: Record<UserError['code'], number> = { exists: 409, not_found: 404, invalid: 400 };

export function zodIssues(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

interface HttpLikeError {
  status?: number;
  type?: string;
  expose?: boolean;
}

function classify(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) {
    return new ApiError(400, 'invalid_request', 'the request is not valid; see issues', {
      issues: zodIssues(error),
    });
  }
  if (error instanceof StoreError) {
    const status = STORE_STATUS[error.code];
    // An unavailable database says so, without the driver's details.
    const message =
      error.code === 'unavailable' ? 'the graph database is unavailable; try again shortly' : error.message;
    return new ApiError(status, error.code, message);
  }
  if (error instanceof UserError) return new ApiError(USER_STATUS[error.code], error.code, error.message);
  const http = error as HttpLikeError;
  if (http.type === 'entity.too.large')
    return new ApiError(413, 'too_large', 'the request body is too large');
  if (http.type === 'entity.parse.failed')
    return new ApiError(400, 'invalid_json', 'the request body is not valid JSON');
  if (typeof http.status === 'number' && http.status >= 400 && http.status < 500 && http.expose) {
    return new ApiError(http.status, 'bad_request', 'the request could not be read');
  }
  return null;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = classify(error);
    const status = known?.status ?? 500;
    // A refusal to a busy client (503 busy, with Retry-After) is the server working as meant: a
    // flood of them must not cost an error log line with a stack each.
    if (!known || (status >= 500 && known.code !== 'busy'))
      logger.error({ err: error, requestId: req.requestId }, 'request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    if (known) res.set(known.headers);
    res.status(status).json({
      error: {
        code: known?.code ?? 'internal',
        message:
          known?.message ?? 'something went wrong on the server; quote the request id when reporting it',
        requestId: req.requestId,
        ...(known?.extra ?? {}),
      },
    });
  };
}
