// The server's own writes to the graph store (an arriving declaration stored, an inspection
// label), one at a time: the store takes one import at once and refuses other writes meanwhile,
// so two requests must not race each other into a 409.
export class StoreWrites {
  private last: Promise<unknown> = Promise.resolve();

  /** Runs the work after every write queued before it; its result or error is the caller's. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const run = this.last.then(work);
    this.last = run.catch(() => undefined);
    return run;
  }
}
