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

export async function receiveUpload(
  req: Request,
  options: { dir: string; maxFileBytes: number; fields: readonly string[] },
): Promise<Upload> {
  await mkdir(options.dir, { recursive: true });
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  const writes: Promise<void>[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: ApiError) => {
        if (failed) return;
        failed = true;
        req.unpipe(parser);
        req.resume();
        reject(error);
      };
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
        const name = safeFileName(original, files.length);
        const path = join(options.dir, name);
        const entry: UploadedFile = { path, name: original || name, bytes: 0 };
        files.push(entry);
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
        writes.push(pipeline(stream, createWriteStream(path, { flags: 'wx' })));
      });
      parser.on('field', (name, value, info) => {
        if (!options.fields.includes(name) || info.valueTruncated)
          return fail(
            new ApiError(400, 'invalid_request', `unexpected or oversized field "${name.slice(0, 40)}"`),
          );
        fields[name] = value;
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
      parser.on('close', () => {
        if (!failed) resolve();
      });
      req.pipe(parser);
    });
    await Promise.all(writes);
    if (files.length === 0)
      throw new ApiError(
        400,
        'invalid_request',
        'no file in the upload; send one or more CSV files as "file"',
      );
    return { files, fields, dir: options.dir };
  } catch (error) {
    await Promise.allSettled(writes);
    await rm(options.dir, { recursive: true, force: true });
    throw error;
  }
}
