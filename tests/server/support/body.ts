// Reads response bodies through schemas, so tests check the shape as well as the values.
import { z } from 'zod';

export const ErrorBody = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export function errorOf(res: { body: unknown }) {
  return ErrorBody.parse(res.body).error;
}

export function bodyOf<S extends z.ZodType>(schema: S, res: { body: unknown }): z.output<S> {
  return schema.parse(res.body);
}
