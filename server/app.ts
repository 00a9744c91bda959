// The Express app: security headers, request context and logging, body limits, sessions, CSRF,
// the declared routes, the OpenAPI document, the explorer's files and one error handler.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { GraphStore } from '../src/store/graph-store.ts';
import type { AppDb } from './app-db.ts';
import { authenticate } from './auth/session-cookie.ts';
import type { Config } from './config.ts';
import { sameOriginWrites } from './http/csrf.ts';
import { ApiError, errorHandler } from './http/errors.ts';
import { requestContext } from './http/request-context.ts';
import { routeHandlers } from './http/route.ts';
import { allowedHostsOnly, securityHeaders } from './http/security.ts';
import { openApiDocument } from './openapi.ts';
import { allRoutes } from './routes/index.ts';
import { createServices, type Pipelines, type Services } from './services/index.ts';

export interface AppInput {
  store: GraphStore;
  appDb: AppDb;
  config: Config;
  logger: Logger;
  /** Ingest and detection for the job routes; without them those routes answer 503. */
  pipelines?: Pipelines | null;
}

export function createApp(input: AppInput): Express & { locals: { services: Services } } {
  const { config, logger } = input;
  const services = createServices({ ...input, pipelines: input.pipelines ?? null });
  const routes = allRoutes(config);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  // No ETag on JSON answers: they are all `no-store`, so hashing each body (41 KB for a
  // neighbourhood) was work no client could use. Static files keep theirs (serve-static).
  app.set('etag', false);
  app.locals.services = services;

  app.use(requestContext(logger, config.logRequests));
  app.use(securityHeaders({ tls: config.cookieSecure === 'always' }));
  // Before every route, login and the explorer's files included.
  app.use(allowedHostsOnly(config.allowedHosts));
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(express.json({ limit: config.bodyLimitBytes, strict: true, type: 'application/json' }));
  app.use(authenticate(services.sessions, services.users, config.cookieSecure));
  app.use(sameOriginWrites(config.allowedOrigins));

  const document = openApiDocument(routes);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  for (const route of routes) app[route.method](route.path, ...routeHandlers(route, services));
  app.use('/api', (req, _res, next) =>
    next(new ApiError(404, 'not_found', `no API route ${req.method} ${req.path}`)),
  );

  const index = join(config.clientDist, 'index.html');
  if (existsSync(index)) {
    app.use(express.static(config.clientDist, { index: false, maxAge: '1h' }));
    // The explorer routes in the browser: any other GET gets its page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(index));
  }
  app.use(errorHandler(logger));
  return app as Express & { locals: { services: Services } };
}
