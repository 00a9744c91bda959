// Checks every adapter applies to findings before storing or paging them, so a bad detection
// run or page request is refused with the same `invalid` error whatever the store.
import { DetectionRun } from '../model/index.ts';
import { StoreError } from './errors.ts';

export function requireWholeNumber(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min)) {
    throw new StoreError('invalid', `${name} must be a whole number of at least ${min} (got ${value})`);
  }
}

/** The run, validated, with ring ids checked to be unique. */
export function parseDetectionRun(input: DetectionRun): DetectionRun {
  const parsed = DetectionRun.safeParse(input);
  if (!parsed.success) {
    throw new StoreError(
      'invalid',
      `The detection run is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
      {
        cause: parsed.error,
      },
    );
  }
  const ringIds = new Set<string>();
  for (const ring of parsed.data.rings) {
    if (ringIds.has(ring.id))
      throw new StoreError('invalid', `The detection run names ring ${ring.id} twice`);
    ringIds.add(ring.id);
  }
  return parsed.data;
}
