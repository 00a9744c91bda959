// Wraps a store so a test can make every call fail as an unreachable database would, then heal it.
import type { GraphStore } from '../../../src/store/graph-store.ts';

export interface Fault {
  error: Error | null;
}

export function faulty(store: GraphStore, fault: Fault): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (fault.error && property !== 'close') return Promise.reject(fault.error);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
