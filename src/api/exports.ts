// What the explorer tells the server of a picture it made in the browser, before it saves it: the
// audit trail records who exported which canvas (title, nodes, size and SHA-256 of the PNG).
import { z } from 'zod';

export const CanvasPictureRecord = z.strictObject({
  title: z.string().trim().min(1).max(200),
  nodes: z.number().int().min(0).max(1_000_000),
  bytes: z.number().int().min(1).max(500_000_000),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in 64 lower-case hex digits'),
});
export type CanvasPictureRecord = z.infer<typeof CanvasPictureRecord>;
