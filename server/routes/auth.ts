// Sign-in, sign-out, the current user and password change. Login is rate-limited per client
// address and per user name; only failures count, so the 6th failure in the window gets 429.
import { rateLimit, type Options } from 'express-rate-limit';
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { ApiUser, UserAnswer } from '../api-shapes.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.ts';
import { NewPassword } from '../auth/users.ts';
import { ApiError } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';
import type { Config } from '../config.ts';

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
    handler: (req: Request, _res, next) => {
      next(
        new ApiError(
          429,
          'too_many_attempts',
          `too many failed sign-ins; wait ${Math.round(config.loginWindowMs / 60_000)} minutes and try again`,
        ),
      );
      void req;
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

export function authRoutes(config: Config): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in; sets the session cookie',
      tag: 'auth',
      policy: 'public',
      body: Credentials,
      response: UserAnswer,
      before: loginLimiters(config),
      handler: async ({ req, res, body, services, requestId }) => {
        const user = await services.users.authenticate(body.username, body.password);
        if (!user) {
          services.audit.append({
            action: 'login_failed',
            username: null,
            requestId,
            target: body.username.slice(0, 128),
            detail: { ip: req.ip ?? null },
          });
          throw new ApiError(
            401,
            'invalid_credentials',
            'the user name or password is wrong, or the account is disabled',
          );
        }
        // A fresh session id at every login; any session the browser held before is ended.
        if (req.sessionToken) services.sessions.destroy(req.sessionToken);
        const token = services.sessions.create(user.username);
        services.audit.append({
          action: 'login',
          username: user.username,
          requestId,
          target: user.username,
          detail: { ip: req.ip ?? null },
        });
        setSessionCookie(req, res, token, config.cookieSecure, config.sessionAbsoluteMs);
        return {
          json: {
            user: { username: user.username, role: user.role, mustChangePassword: user.mustChangePassword },
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Sign out; ends the session on the server',
      tag: 'auth',
      policy: 'user',
      status: 204,
      handler: ({ req, res, services, user, requestId }) => {
        if (req.sessionToken) services.sessions.destroy(req.sessionToken);
        services.audit.append({
          action: 'logout',
          username: user?.username ?? null,
          requestId,
          target: null,
        });
        clearSessionCookie(req, res, config.cookieSecure);
        res.status(204).end();
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      summary: 'The signed-in user',
      tag: 'auth',
      policy: 'user',
      response: z.object({ user: ApiUser.extend({ mustChangePassword: z.boolean() }) }),
      handler: ({ user }) => ({
        json: {
          user: { username: user?.username, role: user?.role, mustChangePassword: user?.mustChangePassword },
        },
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/password',
      summary: 'Change your own password (ends your other sessions)',
      tag: 'auth',
      policy: 'user',
      body: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: NewPassword }),
      response: UserAnswer,
      handler: async ({ req, res, body, services, user, requestId }) => {
        const me = user && (await services.users.authenticate(user.username, body.currentPassword));
        if (!me) throw new ApiError(400, 'invalid_credentials', 'the current password is wrong');
        await services.users.setPassword(me.username, body.newPassword);
        services.audit.append({
          action: 'password_change',
          username: me.username,
          requestId,
          target: me.username,
        });
        const token = services.sessions.create(me.username);
        setSessionCookie(req, res, token, config.cookieSecure, config.sessionAbsoluteMs);
        return { json: { user: { username: me.username, role: me.role } } };
      },
    }),
  ];
}
