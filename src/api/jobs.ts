// Jobs: an ingest of uploaded files or a detection run, its progress and its outcome. The same
// shapes travel as the job answer and as the Server-Sent Events of its progress.
import { z } from 'zod';
import { RowProblem } from '../model/row-problem.ts';

export const JobId = z.string().regex(/^J-[0-9a-f]{12}$/, 'a job id, e.g. J-0123456789ab');
export const JobKind = z.enum(['ingest', 'detect', 'resolve']);
export type JobKind = z.infer<typeof JobKind>;
export const JobState = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type JobState = z.infer<typeof JobState>;

export const JobProgress = z.strictObject({
  phase: z.string(),
  done: z.number(),
  /** 0 when the total is not known. */
  total: z.number(),
  message: z.string().optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** One problem of an ingested file, where it is and what to do about it. */
export { RowProblem };

export const JobFailure = z.strictObject({
  message: z.string(),
  /** The first problems of an ingest that was refused, and how many there were in all. */
  problems: z.array(RowProblem).optional(),
  total: z.number().int().optional(),
});
export type JobFailure = z.infer<typeof JobFailure>;

export const Job = z.strictObject({
  id: z.string(),
  kind: JobKind,
  state: JobState,
  progress: JobProgress,
  /** What the pipeline reported when it succeeded (ingest counts, detection summary). */
  result: z.unknown().optional(),
  error: JobFailure.optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof Job>;
export const JobAnswer = z.strictObject({ job: Job });
