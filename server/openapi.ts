// The OpenAPI 3.1 document, generated from the route list and its zod schemas (JSON Schema
// 2020-12, which OpenAPI 3.1 uses as is).
import { z } from 'zod';
import { ErrorBody } from '../src/api/errors.ts';
import type { Route } from './http/route.ts';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

/** The one error answer, from the same schema the explorer validates errors with. */
const ERROR = toSchema(ErrorBody, 'output');

export function openApiDocument(routes: readonly Route[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(route.status ?? 200);
    const success = route.produces
      ? { description: 'OK', content: { [route.produces]: { schema: { type: 'string' } } } }
      : route.response
        ? {
            description: 'OK',
            content: { 'application/json': { schema: toSchema(route.response, 'output') } },
          }
        : { description: 'OK' };
    const requestBody = route.multipart
      ? {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { file: { type: 'string', format: 'binary' }, preset: { type: 'string' } },
              },
            },
          },
        }
      : route.body
        ? { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } }
        : undefined;
    (paths[path] ??= {})[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      'x-ringscope-policy': route.policy,
      security: route.policy === 'public' ? [] : [{ session: [] }],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(requestBody ? { requestBody } : {}),
      responses: {
        [status]: success,
        default: { description: 'An error', content: { 'application/json': { schema: ERROR } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ringscope API',
      version: '1',
      description: 'The investigation API of Ringscope (see server/API.md).',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-ringscope_session' } },
    },
    paths,
  };
}
