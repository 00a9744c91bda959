// The session cookie. On TLS it is `__Host-ringscope_session` (Secure, Path=/, no Domain: bound to
// this host). Browsers refuse `__Host-` cookies without Secure, so on plain HTTP (the local demo
// on 127.0.0.1) the same cookie is named `ringscope_session`. Both are HttpOnly, SameSite=Strict.
import type { Request, RequestHandler, Response } from 'express';
import { parse } from 'cookie';
import type { Sessions } from './sessions.ts';
import type { Users } from './users.ts';

export const SECURE_COOKIE = '__Host-ringscope_session';
export const PLAIN_COOKIE = 'ringscope_session';

function isSecure(req: Request, mode: 'auto' | 'always'): boolean {
  return mode === 'always' || req.secure;
}

export function cookieName(req: Request, mode: 'auto' | 'always'): string {
  return isSecure(req, mode) ? SECURE_COOKIE : PLAIN_COOKIE;
}

export function setSessionCookie(
  req: Request,
  res: Response,
  token: string,
  mode: 'auto' | 'always',
  absoluteMs: number,
): void {
  res.cookie(cookieName(req, mode), token, {
    httpOnly: true,
    secure: isSecure(req, mode),
    sameSite: 'strict',
    path: '/',
    maxAge: absoluteMs,
  });
}

export function clearSessionCookie(req: Request, res: Response, mode: 'auto' | 'always'): void {
  res.clearCookie(cookieName(req, mode), {
    httpOnly: true,
    secure: isSecure(req, mode),
    sameSite: 'strict',
    path: '/',
  });
}

/** Resolves the session cookie to req.user (null when absent, expired or the account disabled). */
export function authenticate(sessions: Sessions, users: Users, mode: 'auto' | 'always'): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('cookie');
    if (header) {
      const token = parse(header)[cookieName(req, mode)];
      if (token) {
        const username = sessions.resolve(token);
        const user = username === null ? null : users.get(username);
        if (user && !user.disabled) {
          req.user = user;
          req.sessionToken = token;
        }
      }
    }
    next();
  };
}
