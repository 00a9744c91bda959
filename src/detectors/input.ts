// Input checks every detector makes first: the typed error naming the detector, the check that
// it was given a detection view, and option parsing against the detector's zod schema.
import { isGraph } from 'graphology-utils';
import type { z } from 'zod';
import type { Typology } from '../model/index.ts';
import type { DetectionView } from '../graph/view.ts';

/** A detector was given something it cannot use; names the detector and what to fix. */
export class DetectorInputError extends Error {
  readonly detector: Typology;
  constructor(detector: Typology, message: string) {
    super(`${detector} detector: ${message}`);
    this.name = 'DetectorInputError';
    this.detector = detector;
  }
}

export function assertView(detector: Typology, view: unknown): asserts view is DetectionView {
  const v = view as Partial<DetectionView> | null;
  if (typeof v !== 'object' || v === null)
    throw new DetectorInputError(detector, 'expected a DetectionView, got nothing');
  if (!isGraph(v.graph) || v.graph?.type !== 'undirected') {
    throw new DetectorInputError(
      detector,
      'view.graph must be an undirected graphology graph (use projectDetectionView)',
    );
  }
  const lines = v.lines;
  if (
    !lines ||
    !Number.isInteger(lines.size) ||
    lines.declarationId.length !== lines.size ||
    lines.unitValueZScore.length !== lines.size
  ) {
    throw new DetectorInputError(
      detector,
      'view.lines is not a consistent line table (use projectDetectionView)',
    );
  }
  if (!(v.trade instanceof Map) || !(v.identifiers instanceof Map)) {
    throw new DetectorInputError(detector, 'view.trade and view.identifiers must be Maps');
  }
}

/** The detector's DEFAULTS overlaid with the caller's options, validated; a bad option throws. */
export function parseOptions<T extends object>(
  detector: Typology,
  schema: z.ZodType<T>,
  defaults: T,
  options: unknown,
): T {
  const merged = { ...defaults, ...(options ?? {}) };
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DetectorInputError(
      detector,
      `invalid option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unknown'}`,
    );
  }
  return parsed.data;
}
