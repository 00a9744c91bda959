// better-sqlite3 is synchronous; the GraphStore port is asynchronous. This turns a synchronous
// result or throw into a settled promise, so callers see errors as rejections, never throws.
export function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
