// Multipart upload streamed to disk: each file goes straight to a job folder under the upload
// directory with a safe name, never into memory; a file over the size cap, too many files or a
// stray field aborts the upload with a clear error and removes what was written.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { ApiError } from '../http/errors.ts';
import type { UploadedFile } from './index.ts';

export const MAX_FILES = 20;

export interface Upload {
  files: UploadedFile[];
  fields: Record<string, string>;
  dir: string;
}

/** `entities (1).csv` → `entities__1_.csv`: the client's name, reduced to what is safe on disk. */
export function safeFileName(name: string, index: number): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 100);
  return `${String(index).padStart(2, '0')}-${cleaned || 'upload.csv'}`;
}

interface UploadOptions {
  dir: string;
  maxFileBytes: number;
  fields: readonly string[];
}

/** What the parts read so far have given: files (being written) and fields. */
interface Received {
  files: UploadedFile[];
  fields: Record<string, string>;
  writes: Promise<void>[];
}

type Fail = (error: ApiError) => void;

/** Each file part streams to its own safe name in the job folder; any other file field fails. */
function onFile(parser: busboy.Busboy, options: UploadOptions, received: Received, fail: Fail): void {
  parser.on('file', (field, stream, info) => {
    if (field !== 'file') {
      stream.resume();
      return fail(
        new ApiError(
          400,
          'invalid_request',
          `unexpected file field "${field.slice(0, 40)}"; send files as "file"`,
        ),
      );
    }
    const original = (info.filename ?? '').split(/[\\/]/).pop() ?? '';
    const name = safeFileName(original, received.files.length);
    const path = join(options.dir, name);
    const entry: UploadedFile = { path, name: original || name, bytes: 0 };
    received.files.push(entry);
    stream.on('data', (chunk: Buffer) => {
      entry.bytes += chunk.length;
    });
    stream.on('limit', () =>
      fail(
        new ApiError(
          413,
          'too_large',
          `${entry.name} is larger than the upload limit of ${Math.round(options.maxFileBytes / 1048576)} MB`,
        ),
      ),
    );
    received.writes.push(pipeline(stream, createWriteStream(path, { flags: 'wx' })));
  });
}

/** Fields are taken only when named; too many files, fields or parts, or an unreadable body, fail. */
function onFieldsAndLimits(
  parser: busboy.Busboy,
  options: UploadOptions,
  received: Received,
  fail: Fail,
): void {
  parser.on('field', (name, value, info) => {
    if (!options.fields.includes(name) || info.valueTruncated)
      return fail(
        new ApiError(400, 'invalid_request', `unexpected or oversized field "${name.slice(0, 40)}"`),
      );
    received.fields[name] = value;
  });
  parser.on('filesLimit', () =>
    fail(new ApiError(413, 'too_large', `at most ${MAX_FILES} files per upload`)),
  );
  parser.on('fieldsLimit', () =>
    fail(new ApiError(400, 'invalid_request', `only the fields ${options.fields.join(', ')} are taken`)),
  );
  parser.on('partsLimit', () => fail(new ApiError(413, 'too_large', 'too many parts in the upload')));
  parser.on('error', () =>
    fail(new ApiError(400, 'invalid_request', 'the multipart body could not be read')),
  );
}

/** Reads every part of the request; resolves when the body has been read, rejects on the first failure. */
function readParts(req: Request, options: UploadOptions, received: Received): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const parser = busboy({
      headers: req.headers,
      limits: {
        files: MAX_FILES,
        fileSize: options.maxFileBytes,
        fields: options.fields.length,
        fieldSize: 1024,
        parts: MAX_FILES + options.fields.length,
      },
    });
    const fail: Fail = (error) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    onFile(parser, options, received, fail);
    onFieldsAndLimits(parser, options, received, fail);
    parser.on('close', () => {
      if (!failed) resolve();
    });
    req.pipe(parser);
  });
}

export async function receiveUpload(req: Request, options: UploadOptions): Promise<Upload> {
  await mkdir(options.dir, { recursive: true });
  const received: Received = { files: [], fields: {}, writes: [] };
  try {
    await readParts(req, options, received);
    await Promise.all(received.writes);
    if (received.files.length === 0)
      throw new ApiError(
        400,
        'invalid_request',
        'no file in the upload; send one or more CSV files as "file"',
      );
    return { files: received.files, fields: received.fields, dir: options.dir };
  } catch (error) {
    await Promise.allSettled(received.writes);
    await rm(options.dir, { recursive: true, force: true });
    throw error;
  }
}
