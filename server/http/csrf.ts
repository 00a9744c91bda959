// CSRF defence for writes: a browser write must come from our own origin (Sec-Fetch-Site, else
// Origin); cookies are SameSite=Strict too. Bodies must be JSON (or multipart on upload routes),
// which a cross-site HTML form cannot send without a preflight.
import type { RequestHandler } from 'express';
import { ApiError } from './errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameOriginWrites(allowedOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const own = `${req.protocol}://${req.get('host') ?? ''}`;
    const originOk = origin !== undefined && (origin === own || allowedOrigins.includes(origin));
    if (site !== undefined && site !== 'same-origin' && !originOk) {
      return next(new ApiError(403, 'cross_site', `a ${site} request may not change anything`));
    }
    if (site === undefined && !originOk) {
      return next(
        new ApiError(
          403,
          'cross_site',
          'writes need an Origin header naming this server (or Sec-Fetch-Site: same-origin)',
        ),
      );
    }
    next();
  };
}

/** Writes with a body must be JSON; `multipart` lets the upload route take form data instead. */
export function requireJsonBody(options: { multipart: boolean }): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const hasBody =
      req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? '0') > 0;
    if (options.multipart) {
      if (!req.is('multipart/form-data'))
        return next(new ApiError(415, 'unsupported_media_type', 'send the files as multipart/form-data'));
      return next();
    }
    if (hasBody && !req.is('application/json')) {
      return next(new ApiError(415, 'unsupported_media_type', 'send the body as application/json'));
    }
    next();
  };
}
