// Security headers (helmet) with a strict CSP: the explorer is a built bundle, so only our own
// scripts and styles run; no inline script, no framing, no plugins. And the Host check: only the
// configured host names are answered (DNS rebinding).
import helmet from 'helmet';
import type { RequestHandler } from 'express';
import { ApiError } from './errors.ts';

export function securityHeaders(options: { tls: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * Refuses (421) a request whose host name is not one the server answers to, before any route: a
 * page on an attacker's domain that rebinds its DNS name to this server sends that name as Host
 * (and as Origin), so neither the Origin check nor CORS would stop it. The name is Express's
 * `req.hostname`: the Host header, or X-Forwarded-Host from a trusted proxy; any port.
 */
export function allowedHostsOnly(allowed: readonly string[]): RequestHandler {
  const names = new Set(allowed.map((h) => h.toLowerCase()));
  return (req, _res, next) => {
    const name = req.hostname?.toLowerCase().replace(/\.$/, '');
    if (name !== undefined && names.has(name)) return next();
    next(
      new ApiError(
        421,
        'unknown_host',
        'this server does not answer to that host name; its operator can add it to RINGSCOPE_ALLOWED_HOSTS',
      ),
    );
  };
}
