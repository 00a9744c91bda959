// Sends an export as a download after writing its SHA-256 to the audit trail, so the trail
// names exactly the bytes that left the server.
import { createHash } from 'node:crypto';
import type { RouteContext } from '../http/route.ts';

export function sendExport(
  ctx: Pick<RouteContext<unknown, unknown, unknown>, 'res' | 'services' | 'user' | 'requestId'>,
  file: {
    content: Buffer | string;
    contentType: string;
    filename: string;
    what: string;
    target: string | null;
    detail?: Record<string, unknown>;
  },
): undefined {
  const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  ctx.services.audit.append({
    action: 'export',
    username: ctx.user?.username ?? null,
    requestId: ctx.requestId,
    target: file.target,
    detail: { what: file.what, filename: file.filename, bytes: bytes.length, sha256, ...file.detail },
  });
  ctx.res
    .status(200)
    .set({
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'X-Content-SHA256': sha256,
    })
    .end(bytes);
  return undefined;
}
