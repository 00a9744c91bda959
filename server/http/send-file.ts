// A file answer: sent as a download whose SHA-256 is named in the audit trail before the bytes
// leave the server, so the trail names exactly what was sent.
import { createHash } from 'node:crypto';
import type { Response } from 'express';

export interface FileAnswer {
  file: { content: Buffer | string; contentType: string; filename: string };
}

/** What the audit entry of a download says about the bytes sent. */
export interface SentFile extends Record<string, unknown> {
  filename: string;
  bytes: number;
  sha256: string;
}

export function sendFile(
  res: Response,
  file: FileAnswer['file'],
  beforeSending: (sent: SentFile) => void,
): void {
  const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  beforeSending({ filename: file.filename, bytes: bytes.length, sha256 });
  res
    .status(200)
    .set({
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'X-Content-SHA256': sha256,
    })
    .end(bytes);
}
