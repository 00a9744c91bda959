// Jobs: ingest of uploaded files, detection runs and entity resolution, their state, and their progress as
// Server-Sent Events (`progress` … then `result` or `error`).
import { z } from 'zod';
import { JobAnswer, JobId } from '../../src/api/jobs.ts';
import { ResolveJobBody } from '../../src/api/resolve.ts';
import { streamJobEvents } from '../http/event-stream.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { ADMIN } from '../policies.ts';

const JobParams = z.strictObject({ id: JobId });

const ingest = defineRoute({
  method: 'post',
  path: '/api/jobs/ingest',
  summary: 'Upload CSV files (multipart "file", one or more; optional "preset") and ingest them as a job',
  tag: 'jobs',
  policy: ADMIN,
  multipart: true,
  status: 202,
  response: JobAnswer,
  handler: async ({ req, services, user }) => {
    const started = await services.jobRuns.ingest(req, user.username);
    return { status: 202, json: { job: started.job }, started };
  },
  audit: {
    action: 'ingest',
    target: (_ctx, out) => out.json.job.id,
    detail: (_ctx, { started }) => ({
      outcome: 'queued',
      files: started.files.map((f) => ({ name: f.name, bytes: f.bytes })),
      preset: started.preset,
    }),
  },
});

const detect = defineRoute({
  method: 'post',
  path: '/api/jobs/detect',
  summary: 'Run detection on the store as a job',
  tag: 'jobs',
  policy: ADMIN,
  status: 202,
  body: z.strictObject({
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
  }),
  response: JobAnswer,
  handler: ({ body, services, user }) => ({
    status: 202,
    json: { job: services.jobRuns.detect(user.username, body.seed) },
  }),
  audit: {
    action: 'detect',
    target: (_ctx, out) => out.json.job.id,
    detail: ({ body }) => ({ outcome: 'queued', seed: body.seed }),
  },
});

const resolve = defineRoute({
  method: 'post',
  path: '/api/jobs/resolve',
  summary: 'Resolve the store’s parties as a job: candidates at or above minScore stored for review',
  tag: 'jobs',
  policy: ADMIN,
  status: 202,
  body: ResolveJobBody,
  response: JobAnswer,
  handler: ({ body, services, user }) => ({
    status: 202,
    json: { job: services.jobRuns.resolve(user.username, body.minScore) },
  }),
  audit: {
    action: 'resolve',
    target: (_ctx, out) => out.json.job.id,
    detail: ({ body }) => ({ outcome: 'queued', minScore: body.minScore }),
  },
});

const job = defineRoute({
  method: 'get',
  path: '/api/jobs/:id',
  summary: 'A job’s state, progress and result or error',
  tag: 'jobs',
  policy: ADMIN,
  params: JobParams,
  response: JobAnswer,
  handler: ({ params, services }) => ({ json: { job: services.jobs.require(params.id) } }),
});

const jobEvents = defineRoute({
  method: 'get',
  path: '/api/jobs/:id/events',
  summary: 'Progress as Server-Sent Events: progress {phase,done,total} …, then result or error',
  tag: 'jobs',
  policy: ADMIN,
  params: JobParams,
  produces: 'text/event-stream',
  handler: ({ req, res, params, services }) => streamJobEvents(req, res, services.jobs.events(params.id)),
});

export const jobRoutes = (): Route[] => [ingest, detect, resolve, job, jobEvents];
