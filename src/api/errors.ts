// The one error answer of the API: every failure is `{ error: { code, message, requestId } }`,
// with the validation issues when the request was refused as invalid.
import { z } from 'zod';

export const Issue = z.strictObject({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof Issue>;

export const ErrorBody = z.strictObject({
  error: z.strictObject({
    /** Stable and machine-readable, e.g. `not_found`, `invalid_request`, `unknown_ring`. */
    code: z.string(),
    /** What was wrong and what to do, for a person. */
    message: z.string(),
    /** The id in the server's log line for this request; quote it when reporting a failure. */
    requestId: z.string(),
    issues: z.array(Issue).optional(),
    /** Why a partner's package was refused (`altered`, `expired`, `wrong_key` …; docs/sharing.md). */
    reason: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
