// Who is asking and under which request id, carried through async calls without threading it
// through every store method: the server wraps each request in withRequestContext(); the Neo4j
// adapter attaches it to every transaction's metadata (visible in Neo4j's query log and
// SHOW TRANSACTIONS), so a slow or failing query traces back to the request that ran it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestContext {
  requestId: string;
  user: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The caller's context, or one for work outside any request (CLI, jobs): a fresh id, user `system`. */
export function currentRequestContext(): RequestContext {
  return storage.getStore() ?? { requestId: randomUUID(), user: 'system' };
}
