// Reads response bodies through the API's own schemas (src/api), so tests check the shape as
// well as the values.
import type { z } from 'zod';
import { ErrorBody } from '../../../src/api/errors.ts';

export function errorOf(res: { body: unknown }) {
  return ErrorBody.parse(res.body).error;
}

export function bodyOf<S extends z.ZodType>(schema: S, res: { body: unknown }): z.output<S> {
  return schema.parse(res.body);
}
