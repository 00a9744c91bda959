// One problem of an input file, where it is and what to do: what ingest reports, the CLI prints
// and a failed ingest job carries to the explorer.
import { z } from 'zod';

export const RowProblem = z.strictObject({
  file: z.string(),
  /** 1-based data row (the header is row 0); 0 for file-level problems. */
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type RowProblem = z.infer<typeof RowProblem>;
