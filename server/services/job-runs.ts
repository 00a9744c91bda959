// Starting the kinds of job: an ingest of files uploaded with the request, a detection run, and
// entity resolution. Both need the pipelines; a server without them answers 503 before reading any upload.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request } from 'express';
import type { Job } from '../../src/api/jobs.ts';
import { PRESET_NAMES } from '../../src/ingest/presets/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';
import type { Pipelines, UploadedFile } from './index.ts';
import type { Jobs } from './jobs.ts';
import { receiveUpload } from './uploads.ts';

export interface IngestStarted {
  job: Job;
  files: UploadedFile[];
  preset: string | null;
}

export class JobRuns {
  constructor(
    private readonly jobs: Jobs,
    private readonly store: GraphStore,
    private readonly pipelines: Pipelines | null,
    private readonly config: Pick<Config, 'uploadDir' | 'uploadMaxBytes' | 'profile'>,
  ) {}

  /** Streams the request's files to a job folder, then queues their ingest (the folder goes when it ends). */
  async ingest(req: Request, username: string): Promise<IngestStarted> {
    const run = this.available();
    const dir = join(this.config.uploadDir, `${Date.now()}-${randomBytes(6).toString('hex')}`);
    const upload = await receiveUpload(req, {
      dir,
      maxFileBytes: this.config.uploadMaxBytes,
      fields: ['preset'],
    });
    const preset = upload.fields.preset || undefined;
    if (preset !== undefined && !(PRESET_NAMES as readonly string[]).includes(preset)) {
      await rm(dir, { recursive: true, force: true });
      throw new ApiError(
        400,
        'invalid_request',
        `unknown preset ${preset.slice(0, 40)}; one of ${PRESET_NAMES.join(', ')}`,
        { issues: [{ path: 'body.preset', message: `one of ${PRESET_NAMES.join(', ')}` }] },
      );
    }
    const job = this.jobs.start(
      'ingest',
      username,
      (onProgress) => run.ingest({ store: this.store, files: upload.files, preset, onProgress }),
      () => rm(dir, { recursive: true, force: true }),
    );
    return { job, files: upload.files, preset: preset ?? null };
  }

  detect(username: string, seed: number): Job {
    const run = this.available();
    return this.jobs.start('detect', username, (onProgress) =>
      run.detect({ store: this.store, seed, profile: this.config.profile, onProgress }),
    );
  }

  resolve(username: string, minScore: number): Job {
    const run = this.available();
    if (!run.resolve)
      throw new ApiError(503, 'unavailable', 'entity resolution is not available on this server');
    return this.jobs.start('resolve', username, (onProgress) =>
      run.resolve!({ store: this.store, minScore, onProgress }),
    );
  }

  private available(): Pipelines {
    if (!this.pipelines)
      throw new ApiError(503, 'unavailable', 'ingest and detection are not available on this server');
    return this.pipelines;
  }
}
