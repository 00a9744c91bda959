// Per-request context: a request id (echoed in X-Request-Id and in every error body), the
// signed-in user, and one structured log line per request (who, what, status, time; no secrets).
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { User } from '../auth/users.ts';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    user: User | null;
    sessionToken: string | null;
  }
}

export function requestContext(logger: Logger, logRequests: boolean): RequestHandler {
  return (req, res, next) => {
    req.requestId = randomUUID();
    req.user = null;
    req.sessionToken = null;
    res.setHeader('X-Request-Id', req.requestId);
    const started = process.hrtime.bigint();
    if (logRequests) {
      res.on('finish', () => {
        logger.info(
          {
            requestId: req.requestId,
            user: req.user?.username ?? null,
            method: req.method,
            // The path only: query strings may hold search terms and are not needed to trace.
            path: req.path,
            route: (req.route as { path?: string } | undefined)?.path ?? null,
            status: res.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          },
          'request',
        );
      });
    }
    next();
  };
}
