// Jobs: ingest of uploaded files and detection runs, their state, and their progress as
// Server-Sent Events (`progress` … then `result` or `error`).
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PRESET_NAMES } from '../../src/ingest/presets/index.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { ADMIN } from '../policies.ts';
import type { Services } from '../services/index.ts';
import type { JobEvent } from '../services/jobs.ts';
import { receiveUpload } from '../services/uploads.ts';

const JobAnswer = z.object({
  job: z.object({
    id: z.string(),
    kind: z.enum(['ingest', 'detect']),
    state: z.enum(['queued', 'running', 'succeeded', 'failed']),
    progress: z.object({
      phase: z.string(),
      done: z.number(),
      total: z.number(),
      message: z.string().optional(),
    }),
    result: z.unknown().optional(),
    error: z
      .object({
        message: z.string(),
        problems: z.array(z.unknown()).optional(),
        total: z.number().optional(),
      })
      .optional(),
  }),
});
const JobParams = z.strictObject({
  id: z.string().regex(/^J-[0-9a-f]{12}$/, 'a job id, e.g. J-0123456789ab'),
});

function pipelines(services: Services) {
  if (!services.pipelines)
    throw new ApiError(503, 'unavailable', 'ingest and detection are not available on this server');
  return services.pipelines;
}

/** Comments keep idle proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

export function jobRoutes(): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/jobs/ingest',
      summary: 'Upload CSV files (multipart "file", one or more; optional "preset") and ingest them as a job',
      tag: 'jobs',
      policy: ADMIN,
      multipart: true,
      status: 202,
      response: JobAnswer,
      handler: async ({ req, services, user, requestId }) => {
        const run = pipelines(services);
        const dir = join(services.config.uploadDir, `${Date.now()}-${randomBytes(6).toString('hex')}`);
        const upload = await receiveUpload(req, {
          dir,
          maxFileBytes: services.config.uploadMaxBytes,
          fields: ['preset'],
        });
        const preset = upload.fields.preset || undefined;
        if (preset !== undefined && !(PRESET_NAMES as readonly string[]).includes(preset)) {
          await rm(dir, { recursive: true, force: true });
          throw new ApiError(
            400,
            'invalid_request',
            `unknown preset ${preset.slice(0, 40)}; one of ${PRESET_NAMES.join(', ')}`,
            {
              issues: [{ path: 'body.preset', message: `one of ${PRESET_NAMES.join(', ')}` }],
            },
          );
        }
        const username = user?.username ?? '';
        const job = services.jobs.start(
          'ingest',
          username,
          (onProgress) => run.ingest({ store: services.store, files: upload.files, preset, onProgress }),
          () => rm(dir, { recursive: true, force: true }),
        );
        services.audit.append({
          action: 'ingest',
          username,
          requestId,
          target: job.id,
          detail: {
            outcome: 'queued',
            files: upload.files.map((f) => ({ name: f.name, bytes: f.bytes })),
            preset: preset ?? null,
          },
        });
        return { status: 202, json: { job } };
      },
    }),
    defineRoute({
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
      handler: ({ body, services, user, requestId }) => {
        const run = pipelines(services);
        const username = user?.username ?? '';
        const job = services.jobs.start('detect', username, (onProgress) =>
          run.detect({ store: services.store, seed: body.seed, onProgress }),
        );
        services.audit.append({
          action: 'detect',
          username,
          requestId,
          target: job.id,
          detail: { outcome: 'queued', seed: body.seed },
        });
        return { status: 202, json: { job } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/jobs/:id',
      summary: 'A job’s state, progress and result or error',
      tag: 'jobs',
      policy: ADMIN,
      params: JobParams,
      response: JobAnswer,
      handler: ({ params, services }) => {
        const job = services.jobs.get(params.id);
        if (!job) throw notFound(`job ${params.id}`);
        return { json: { job } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/jobs/:id/events',
      summary: 'Progress as Server-Sent Events: progress {phase,done,total} …, then result or error',
      tag: 'jobs',
      policy: ADMIN,
      params: JobParams,
      produces: 'text/event-stream',
      handler: ({ req, res, params, services }) => {
        if (!services.jobs.get(params.id)) throw notFound(`job ${params.id}`);
        res
          .status(200)
          .set({
            'Content-Type': 'text/event-stream; charset=utf-8',
            'Cache-Control': 'no-store',
            'X-Accel-Buffering': 'no',
          });
        res.flushHeaders();
        let seq = 0;
        let unsubscribe: () => void = () => undefined;
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
        const end = () => {
          clearInterval(heartbeat);
          unsubscribe();
          res.end();
        };
        const send = (event: JobEvent) => {
          res.write(`id: ${++seq}\nevent: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`);
          if (event.event !== 'progress') queueMicrotask(end);
        };
        req.on('close', end);
        unsubscribe = services.jobs.subscribe(params.id, send);
        return undefined;
      },
    }),
  ];
}
