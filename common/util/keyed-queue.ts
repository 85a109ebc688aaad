/**
 * Run async work one at a time per key, in the order `run` was called; different keys
 * run in parallel. Pure (no Node), so the contract's dispatch and the core share it.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // A failed run does not stop the ones behind it.
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget the key once nothing is queued behind this run, so the map does not grow.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work running or waiting (for tests and diagnostics). */
  get busy(): number {
    return this.tails.size;
  }
}
