// Domain errors every store adapter maps its own failures onto; the API turns them into
// HTTP statuses (conflict → 409, unavailable → 503, invalid → 400, not found → 404).
export type StoreErrorCode = 'conflict' | 'unavailable' | 'invalid' | 'not_found';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }

  /** A retry may succeed (the database was unreachable or restarting). */
  get retryable(): boolean {
    return this.code === 'unavailable';
  }
}
