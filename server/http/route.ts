// A route is data: method, path, policy, zod schemas of its params, query and body, and a handler.
// The app mounts them, the OpenAPI document is generated from them and the role-matrix test
// enumerates them, so what a route accepts and who may call it is declared in one place.
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { allows, type Policy } from '../policies.ts';
import type { Services } from '../services/index.ts';
import type { User } from '../auth/users.ts';
import { ApiError } from './errors.ts';
import { requireJsonBody } from './csrf.ts';

type Schema = z.ZodType | undefined;
type Infer<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B> {
  req: Request;
  res: Response;
  params: P;
  query: Q;
  body: B;
  /** Null only on public routes. */
  user: User | null;
  requestId: string;
  services: Services;
}

/** What a handler returns: JSON with a status, or nothing when it wrote the response itself. */
export type RouteResult = { status?: number; json: unknown } | undefined;

export interface RouteSpec<P extends Schema, Q extends Schema, B extends Schema> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express path, e.g. `/api/nodes/:key`. */
  path: string;
  summary: string;
  tag: string;
  policy: Policy;
  params?: P;
  query?: Q;
  body?: B;
  /** Success response schema (for the OpenAPI document); files and streams name a media type. */
  response?: z.ZodType;
  status?: number;
  produces?: string;
  multipart?: boolean;
  /** Runs after authentication and before parsing (e.g. the login rate limit). */
  before?: RequestHandler[];
  handler: (ctx: RouteContext<Infer<P>, Infer<Q>, Infer<B>>) => Promise<RouteResult> | RouteResult;
}

export type Route = RouteSpec<Schema, Schema, Schema>;

export function defineRoute<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(spec: RouteSpec<P, Q, B>): Route {
  return spec;
}

/** Routes a user who must change their password may still call. */
const PASSWORD_CHANGE_PATHS = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/password']);

function authorise(route: Route, req: Request): void {
  if (route.policy === 'public') return;
  if (!req.user) throw new ApiError(401, 'unauthenticated', 'sign in first');
  if (req.user.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(route.path)) {
    throw new ApiError(
      403,
      'password_change_required',
      'change your password first (POST /api/auth/password)',
    );
  }
  if (!allows(route.policy, req.user.role))
    throw new ApiError(403, 'forbidden', 'your role does not allow this');
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0)
  );
}

function parsePart<S extends Schema>(schema: S, value: unknown, part: string): Infer<S> {
  if (!schema) {
    // A route that declares no query or body takes none: unknown input is refused, not ignored.
    if (!isEmpty(value)) throw new ApiError(400, 'invalid_request', `this route takes no request ${part}`);
    return undefined as Infer<S>;
  }
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new ApiError(400, 'invalid_request', `the request ${part} is not valid; see issues`, {
      issues: parsed.error.issues.map((i) => ({
        path: [part, ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    });
  }
  return parsed.data as Infer<S>;
}

/** The Express handlers of one route: content-type check, any `before`, then the route itself. */
export function routeHandlers(route: Route, services: Services): RequestHandler[] {
  const main: RequestHandler = async (req, res) => {
    authorise(route, req);
    const ctx: RouteContext<unknown, unknown, unknown> = {
      req,
      res,
      params: route.params ? parsePart(route.params, req.params, 'path') : undefined,
      query: parsePart(route.query, req.query, 'query'),
      body: parsePart(route.body, req.body, 'body'),
      user: req.user,
      requestId: req.requestId,
      services,
    };
    const result = await route.handler(ctx);
    if (result === undefined) return;
    res.status(result.status ?? route.status ?? 200).json(result.json);
  };
  const gate: RequestHandler = (req, _res, next) => {
    // Authorise before anything else, so nobody learns more about a route than a 401 or 403.
    try {
      if (route.policy !== 'public') authorise(route, req);
      next();
    } catch (error) {
      next(error);
    }
  };
  return [gate, requireJsonBody({ multipart: route.multipart === true }), ...(route.before ?? []), main];
}
