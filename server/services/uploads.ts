// Multipart upload streamed to disk: each file goes straight to a job folder under the upload
// directory with a safe name, never into memory; a file over the size cap, too many files or a
// stray field aborts the upload with a clear error and removes what was written. File names are
// read as UTF-8 and kept as the user wrote them for display; on disk they are reduced to ASCII.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { textProblem } from '../../src/model/text.ts';
import { ApiError } from '../http/errors.ts';
import type { UploadedFile } from './index.ts';

export const MAX_FILES = 20;
const MAX_NAME_CHARS = 255;

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
  /** File parts still being read: a failure ends them, or their writes would never settle. */
  reading: Set<Readable>;
  failed: boolean;
}

type Fail = (error: ApiError) => void;

/** The name the user gave the file, for display; a name that could disguise itself is refused. */
function displayName(filename: string | undefined): string | ApiError {
  const name = (filename ?? '').split(/[\\/]/).pop() ?? '';
  const problem = textProblem(name);
  if (problem)
    return new ApiError(400, 'invalid_request', `a file name contains ${problem.found}; rename the file`);
  if (name.length > MAX_NAME_CHARS)
    return new ApiError(400, 'invalid_request', `a file name is longer than ${MAX_NAME_CHARS} characters`);
  return name;
}

const megabytes = (bytes: number) => `${Number((bytes / 1048576).toFixed(2))} MB`;

/** Each file part streams to its own safe name in the job folder; any other file field fails. */
function onFile(parser: busboy.Busboy, options: UploadOptions, received: Received, fail: Fail): void {
  parser.on('file', (field, stream, info) => {
    if (received.failed) return void stream.resume();
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
    const original = displayName(info.filename);
    if (original instanceof ApiError) {
      stream.resume();
      return fail(original);
    }
    const name = safeFileName(original, received.files.length);
    const path = join(options.dir, name);
    const entry: UploadedFile = { path, name: original || name, bytes: 0 };
    received.files.push(entry);
    received.reading.add(stream);
    stream.on('data', (chunk: Buffer) => {
      entry.bytes += chunk.length;
    });
    stream.on('limit', () =>
      fail(
        new ApiError(
          413,
          'too_large',
          `${entry.name} is larger than the upload limit of ${megabytes(options.maxFileBytes)}; split it or ask an admin to raise RINGSCOPE_UPLOAD_MAX_MB`,
        ),
      ),
    );
    const written = pipeline(stream, createWriteStream(path, { flags: 'wx' })).finally(() =>
      received.reading.delete(stream),
    );
    // Awaited once the body is read (or has failed); a failure meanwhile is not unhandled.
    written.catch(() => undefined);
    received.writes.push(written);
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

/** A parser for the request, or a 400 when its headers cannot be read as multipart. */
function multipartParser(req: Request, options: UploadOptions): busboy.Busboy {
  try {
    return busboy({
      headers: req.headers,
      // Browsers and curl send a file name's UTF-8 bytes as they are; busboy reads latin1 by default.
      defParamCharset: 'utf8',
      limits: {
        files: MAX_FILES,
        fileSize: options.maxFileBytes,
        fields: options.fields.length,
        fieldSize: 1024,
        parts: MAX_FILES + options.fields.length,
      },
    });
  } catch (error) {
    req.resume();
    const noBoundary = error instanceof Error && /boundary/i.test(error.message);
    throw new ApiError(
      400,
      'invalid_request',
      noBoundary
        ? 'the multipart body has no boundary; send Content-Type: multipart/form-data; boundary=…'
        : 'the multipart headers could not be read',
    );
  }
}

/** Reads every part of the request; resolves when the body has been read, rejects on the first failure. */
function readParts(req: Request, options: UploadOptions, received: Received): Promise<void> {
  const parser = multipartParser(req, options);
  return new Promise<void>((resolve, reject) => {
    const fail: Fail = (error) => {
      if (received.failed) return;
      received.failed = true;
      req.unpipe(parser);
      // The parser will see no more of the body, so the parts it was reading never end by
      // themselves: end them, which closes their files. The rest of the body is read and dropped
      // so the client, still sending, gets the answer. (Destroyed with a reason: on Node 20 a
      // part destroyed without one, then ended by the parser, never settles its pipeline.)
      for (const stream of received.reading) stream.destroy(error);
      req.resume();
      reject(error);
    };
    onFile(parser, options, received, fail);
    onFieldsAndLimits(parser, options, received, fail);
    parser.on('close', () => {
      if (!received.failed) resolve();
    });
    req.pipe(parser);
  });
}

export async function receiveUpload(req: Request, options: UploadOptions): Promise<Upload> {
  await mkdir(options.dir, { recursive: true });
  const received: Received = { files: [], fields: {}, writes: [], reading: new Set(), failed: false };
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
