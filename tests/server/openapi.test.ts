// The OpenAPI 3.1 document covers every route with its policy and schemas; configuration from
// the environment fails fast naming the variable.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig, testConfig } from '../../server/config.ts';
import { allRoutes } from '../../server/routes/index.ts';
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
