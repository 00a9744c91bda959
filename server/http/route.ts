// A route is data: method, path, policy, zod schemas of its params, query and body, what it
// writes to the audit trail, and a handler. The app mounts them, the OpenAPI document is
// generated from them and the role-matrix test enumerates them, so what a route accepts, who may
// call it and what it leaves in the trail are declared in one place.
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { AuditAction, AuditInput } from '../audit.ts';
import type { User } from '../auth/users.ts';
import { allows, type Policy } from '../policies.ts';
import { CaseAccessDenied } from '../services/case-access.ts';
import type { Services } from '../services/index.ts';
import { requireJsonBody } from './csrf.ts';
import { ApiError } from './errors.ts';
import { JsonText } from './json-text.ts';
import { sendFile, type FileAnswer } from './send-file.ts';

type Schema = z.ZodType | undefined;
type Infer<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** The signed-in user: present on every route but the public ones. */
export type UserOf<Pol extends Policy> = Pol extends 'public' ? User | null : User;

export interface RouteContext<P, Q, B, U extends User | null = User> {
  req: Request;
  res: Response;
  params: P;
  query: Q;
  body: B;
  user: U;
  requestId: string;
  services: Services;
}

/** JSON with a status; a JsonText is sent as it is (an audit spec reads its facts, not its content). */
export interface JsonAnswer {
  status?: number;
  json: unknown;
}
/**
 * What a handler returns: JSON, a file to download (its SHA-256 goes to the audit entry), or
 * nothing when it wrote the response itself (a stream). Other fields are facts for the audit entry.
 */
export type RouteResult = JsonAnswer | FileAnswer | undefined;

/** The audit entry a route writes once it has succeeded, before its answer is sent. */
export interface AuditSpec<Ctx, Out> {
  action: AuditAction;
  /** What was acted on: a node key, ring id, case id, job id, user name. */
  target: (ctx: Ctx, out: Out) => string | null;
  detail?: (ctx: Ctx, out: Out) => Record<string, unknown>;
  /** Who acted, when that is not the session's user (a sign-in). */
  actor?: (ctx: Ctx, out: Out) => string | null;
}

export interface RouteSpec<
  P extends Schema,
  Q extends Schema,
  B extends Schema,
  Pol extends Policy,
  Out extends RouteResult,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path, e.g. `/api/nodes/:key`. */
  path: string;
  summary: string;
  tag: string;
  policy: Pol;
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
  handler: (ctx: RouteContext<Infer<P>, Infer<Q>, Infer<B>, UserOf<Pol>>) => Promise<Out> | Out;
  audit?: AuditSpec<RouteContext<Infer<P>, Infer<Q>, Infer<B>, UserOf<Pol>>, Exclude<Out, undefined>>;
}

type AnyContext = RouteContext<unknown, unknown, unknown, User | null>;
export type Route = Omit<RouteSpec<Schema, Schema, Schema, Policy, RouteResult>, 'handler' | 'audit'> & {
  handler: (ctx: AnyContext) => Promise<RouteResult> | RouteResult;
  audit?: AuditSpec<AnyContext, Exclude<RouteResult, undefined>>;
};

export function defineRoute<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  Pol extends Policy = Policy,
  Out extends RouteResult = RouteResult,
>(spec: RouteSpec<P, Q, B, Pol, Out>): Route {
  // The mounting parses params, query and body with these schemas and authorises by this
  // policy before the handler runs, so the handler's narrower context holds.
  return spec as unknown as Route;
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

/** The route's declared audit entry, if it declares one; `sent` describes the bytes of a file answer. */
function auditInput(
  route: Route,
  ctx: AnyContext,
  out: Exclude<RouteResult, undefined>,
  sent?: Record<string, unknown>,
): AuditInput | null {
  const spec = route.audit;
  if (!spec) return null;
  const detail = spec.detail?.(ctx, out);
  return {
    action: spec.action,
    username: spec.actor ? spec.actor(ctx, out) : (ctx.user?.username ?? null),
    requestId: ctx.requestId,
    target: spec.target(ctx, out),
    ...(detail || sent ? { detail: { ...detail, ...sent } } : {}),
  };
}

/** Writes the entry at once: a file answer's, once its bytes are counted. */
function audit(
  route: Route,
  ctx: AnyContext,
  out: Exclude<RouteResult, undefined>,
  sent?: Record<string, unknown>,
): void {
  const input = auditInput(route, ctx, out, sent);
  if (input) ctx.services.audit.append(input);
}

/** A case the access check refused (404 unseen, 403 read-only) leaves a `denied` entry. */
function auditDenied(route: Route, req: Request, services: Services, error: unknown): void {
  if (!(error instanceof CaseAccessDenied)) return;
  services.audit.append({
    action: 'denied',
    username: req.user?.username ?? null,
    requestId: req.requestId,
    target: error.caseId,
    detail: {
      status: error.status,
      needed: error.needed,
      route: `${route.method.toUpperCase()} ${route.path}`,
    },
  });
}

async function respond(route: Route, ctx: AnyContext): Promise<void> {
  const out = await route.handler(ctx);
  if (out === undefined) return;
  if ('file' in out) {
    sendFile(ctx.res, out.file, (sent) => audit(route, ctx, out, sent));
    return;
  }
  // Written (with the other entries of this turn, in one transaction) before the answer is sent.
  const input = auditInput(route, ctx, out);
  if (input) await ctx.services.audit.appendGrouped(input);
  const status = out.status ?? route.status ?? 200;
  if (out.json instanceof JsonText) {
    ctx.res.status(status).type('application/json').send(Buffer.from(out.json.bytes));
    return;
  }
  ctx.res.status(status).json(out.json);
}

/** The Express handlers of one route: content-type check, any `before`, then the route itself. */
export function routeHandlers(route: Route, services: Services): RequestHandler[] {
  const main: RequestHandler = async (req, res) => {
    authorise(route, req);
    try {
      await respond(route, {
        req,
        res,
        params: route.params ? parsePart(route.params, req.params, 'path') : undefined,
        query: parsePart(route.query, req.query, 'query'),
        body: parsePart(route.body, req.body, 'body'),
        user: req.user,
        requestId: req.requestId,
        services,
      });
    } catch (error) {
      auditDenied(route, req, services, error);
      throw error;
    }
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
