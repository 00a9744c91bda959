// Sign-in, sign-out, the current user and password change. Login is rate-limited per client
// address and per user name; only failures count, so the 6th failure in the window gets 429.
import type { Request, RequestHandler } from 'express';
import { rateLimit, type Options } from 'express-rate-limit';
import { z } from 'zod';
import { SignedInAnswer, UserAnswer } from '../../src/api/users.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.ts';
import { NewPassword } from '../auth/users.ts';
import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';

const Credentials = z.strictObject({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(256),
});

function loginLimiters(config: Config): RequestHandler[] {
  const common: Partial<Options> = {
    windowMs: config.loginWindowMs,
    limit: config.loginMaxFailures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req: Request, _res, next) => {
      next(
        new ApiError(
          429,
          'too_many_attempts',
          `too many failed sign-ins; wait ${Math.round(config.loginWindowMs / 60_000)} minutes and try again`,
        ),
      );
    },
  };
  const usernameOf = (req: Request): string => {
    const body = req.body as { username?: unknown } | undefined;
    return typeof body?.username === 'string' ? body.username.toLowerCase().slice(0, 128) : '';
  };
  return [
    rateLimit({ ...common }),
    rateLimit({
      ...common,
      keyGenerator: (req) => `user:${usernameOf(req)}`,
      validate: { keyGeneratorIpFallback: false },
    }),
  ];
}

const login = (config: Config) =>
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in; sets the session cookie',
    tag: 'auth',
    policy: 'public',
    body: Credentials,
    response: SignedInAnswer,
    before: loginLimiters(config),
    handler: async ({ req, res, body, services, requestId }) => {
      const { user, token } = await services.accounts.signIn(body, {
        previousToken: req.sessionToken,
        ip: req.ip ?? null,
        requestId,
      });
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
  login(config),
  logout(config),
  me,
  changePassword(config),
];
