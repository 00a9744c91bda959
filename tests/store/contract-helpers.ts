// Small helpers the contract's sections share.
import { expect } from 'vitest';
import type { StoreErrorCode } from '../../src/store/errors.ts';

/** Matches a rejection with a StoreError of this code. */
export function storeError(code: StoreErrorCode): unknown {
  return expect.objectContaining({ name: 'StoreError', code }) as unknown;
}

/** Strings in the order the contract pins (JavaScript string comparison). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
