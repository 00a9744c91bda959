// Sign-in, sign-out, the current user and password change. Failed sign-ins are throttled per
// (account, client address) pair and per client address (LoginThrottle): the 6th failure of a
// pair in the window gets 429 with Retry-After, and a client that has not been failing still
// signs in to an account others are guessing at.
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { z } from 'zod';
import { SignedInAnswer, UserAnswer } from '../../src/api/users.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.ts';
import { NewPassword } from '../auth/users.ts';
import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';

const Credentials = z.strictObject({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(256),
});

/** The account a sign-in is for, as the throttle counts it. */
const accountOf = (req: Request): string => {
  const body = req.body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 128) : '';
};
/** The client address; IPv6 by /56 prefix, since one host holds a whole range. */
const clientOf = (req: Request): string => ipKeyGenerator(req.ip ?? '');

/** Refuses a client that must still wait after failing (429 with Retry-After). */
function waitAfterFailures(throttle: LoginThrottle): RequestHandler {
  return (req, res, next) => {
    const seconds = throttle.waitSeconds(accountOf(req), clientOf(req));
    if (seconds === 0) return next();
    res.setHeader('Retry-After', String(seconds));
    next(
      new ApiError(
        429,
        'too_many_attempts',
        `too many failed sign-ins from your address; wait ${Math.ceil(seconds / 60)} minutes and try again`,
      ),
    );
  };
}

const login = (config: Config, throttle: LoginThrottle) =>
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in; sets the session cookie',
    tag: 'auth',
    policy: 'public',
    body: Credentials,
    response: SignedInAnswer,
    before: [waitAfterFailures(throttle)],
    handler: async ({ req, res, body, services, requestId }) => {
      const account = accountOf(req);
      const client = clientOf(req);
      const { user, token } = await services.accounts
        .signIn(body, { previousToken: req.sessionToken, ip: req.ip ?? null, requestId })
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 401) throttle.failed(account, client);
          throw error;
        });
      throttle.succeeded(account, client);
      setSessionCookie(req, res, token, config.cookieSecure, config.sessionAbsoluteMs);
      return { json: { user } };
    },
    audit: {
      action: 'login',
      actor: (_ctx, out) => out.json.user.username,
      target: (_ctx, out) => out.json.user.username,
      detail: ({ req }) => ({ ip: req.ip ?? null }),
    },
  });

const logout = (config: Config) =>
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out; ends the session on the server',
    tag: 'auth',
    policy: 'user',
    status: 204,
    handler: ({ req, res, services }) => {
      services.accounts.signOut(req.sessionToken);
      clearSessionCookie(req, res, config.cookieSecure);
      // Express sends a 204 without a body or a content type.
      return { status: 204, json: null };
    },
    audit: { action: 'logout', target: () => null },
  });

const me = defineRoute({
  method: 'get',
  path: '/api/auth/me',
  summary: 'The signed-in user',
  tag: 'auth',
  policy: 'user',
  response: SignedInAnswer,
  handler: ({ user }) => ({
    json: { user: { username: user.username, role: user.role, mustChangePassword: user.mustChangePassword } },
  }),
});

const changePassword = (config: Config) =>
  defineRoute({
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change your own password (ends your other sessions)',
    tag: 'auth',
    policy: 'user',
    body: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: NewPassword }),
    response: UserAnswer,
    handler: async ({ req, res, body, services, user }) => {
      const changed = await services.accounts.changePassword(user, body.currentPassword, body.newPassword);
      setSessionCookie(req, res, changed.token, config.cookieSecure, config.sessionAbsoluteMs);
      return { json: { user: changed.user } };
    },
    audit: {
      action: 'password_change',
      target: ({ user }) => user.username,
    },
  });

export const authRoutes = (config: Config): Route[] => [
  login(
    config,
    new LoginThrottle({
      maxFailures: config.loginMaxFailures,
      maxClientFailures: config.loginMaxClientFailures,
      windowMs: config.loginWindowMs,
    }),
  ),
  logout(config),
  me,
  changePassword(config),
];
