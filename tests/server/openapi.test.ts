// The OpenAPI 3.1 document covers every route with its policy and schemas; configuration from
// the environment fails fast naming the variable.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig, testConfig } from '../../server/config.ts';
import { openApiDocument } from '../../server/openapi.ts';
import { allRoutes } from '../../server/routes/index.ts';
import { ErrorBody } from '../../src/api/errors.ts';
import { startHarness } from './support/harness.ts';

const Doc = z.object({
  openapi: z.string(),
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z
        .object({
          'x-ringscope-policy': z.unknown(),
          parameters: z.array(z.object({ name: z.string(), in: z.string() })),
        })
        .loose(),
    ),
  ),
});

describe('OpenAPI document', () => {
  it('is served without a session and lists every route with its parameters', async () => {
    const h = await startHarness({ fixture: false });
    try {
      const res = await h.agent().get('/api/openapi.json');
      expect(res.status).toBe(200);
      const doc = Doc.parse(res.body);
      expect(doc.openapi).toBe('3.1.0');
      for (const route of allRoutes(testConfig())) {
        const op = doc.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method];
        expect(op, `${route.method} ${route.path}`).toBeDefined();
        expect(op?.['x-ringscope-policy']).toEqual(route.policy);
      }
      const search = doc.paths['/api/search']?.get;
      expect(search?.parameters.map((p) => p.name)).toEqual(['q', 'limit', 'labels']);
      expect(doc.paths['/api/nodes/{key}']?.get?.parameters).toEqual([
        expect.objectContaining({ name: 'key', in: 'path' }),
      ]);
      const login = z
        .object({
          requestBody: z.object({
            content: z.object({
              'application/json': z.object({
                schema: z.object({ additionalProperties: z.literal(false) }).loose(),
              }),
            }),
          }),
        })
        .loose();
      expect(() => login.parse(doc.paths['/api/auth/login']?.post)).not.toThrow();
    } finally {
      await h.close();
    }
  });
});

describe('OpenAPI schemas come from the shared API shapes', () => {
  const doc = z
    .object({
      paths: z.record(
        z.string(),
        z.record(z.string(), z.object({ responses: z.record(z.string(), z.unknown()) }).loose()),
      ),
    })
    .loose()
    .parse(openApiDocument(allRoutes(testConfig())));
  const Json = z.object({ content: z.object({ 'application/json': z.object({ schema: z.unknown() }) }) });
  const answer = (path: string, method: string, status: string) =>
    Json.parse(doc.paths[path]?.[method]?.responses[status]).content['application/json'].schema;
  const Strict = z.looseObject({
    additionalProperties: z.literal(false),
    required: z.array(z.string()),
    properties: z.record(z.string(), z.unknown()),
  });

  it('describes the case answer field by field, refusing unknown fields', () => {
    const root = Strict.parse(answer('/api/cases/{id}', 'get', '200'));
    const detail = Strict.parse(root.properties.case);
    expect(detail.required).toEqual(
      expect.arrayContaining(['id', 'status', 'entities', 'rings', 'notes', 'evidence', 'timeline']),
    );
    expect(answer('/api/cases', 'post', '201')).toEqual(answer('/api/cases/{id}', 'get', '200'));
  });

  it('describes the error answer with the schema the explorer validates errors with', () => {
    const error = answer('/api/cases/{id}', 'get', 'default');
    expect(error).toEqual(z.toJSONSchema(ErrorBody, { io: 'output', target: 'draft-2020-12' }));
    expect(Strict.parse(Strict.parse(error).properties.error).required).toEqual([
      'code',
      'message',
      'requestId',
    ]);
  });
});

describe('configuration', () => {
  it('parses defaults and the documented variables', () => {
    const c = loadConfig({
      RINGSCOPE_PORT: '9000',
      RINGSCOPE_DB: '/srv/rs/graph.db',
      RINGSCOPE_ALLOWED_ORIGINS: 'https://a.example, https://b.example/',
    });
    expect(c).toMatchObject({
      port: 9000,
      mode: 'production',
      appDb: '/srv/rs/ringscope-app.db',
      allowedOrigins: ['https://a.example', 'https://b.example'],
    });
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => loadConfig({ RINGSCOPE_PORT: 'eighty' })).toThrow(/RINGSCOPE_PORT/);
    expect(() => loadConfig({ RINGSCOPE_MODE: 'yolo' })).toThrow(ConfigError);
    expect(() => loadConfig({ RINGSCOPE_NEO4J_URI: 'http://x' })).toThrow(/RINGSCOPE_NEO4J_URI.*bolt/);
    expect(() => loadConfig({ RINGSCOPE_ADMIN_USER: 'root' })).toThrow(
      /RINGSCOPE_ADMIN_USER and RINGSCOPE_ADMIN_PASSWORD/,
    );
    expect(() => loadConfig({ RINGSCOPE_ADMIN_USER: 'root', RINGSCOPE_ADMIN_PASSWORD: 'short' })).toThrow(
      /RINGSCOPE_ADMIN_PASSWORD/,
    );
  });
});
