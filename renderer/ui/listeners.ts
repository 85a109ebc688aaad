/**
 * The callbacks of a store (the savers' status and saved answers): add one and get its
 * removal back, or call them all.
 */
export class Listeners<A extends unknown[] = []> {
  private readonly all = new Set<(...args: A) => void>();

  /** An arrow, so its identity is stable (useSyncExternalStore's subscribe). */
  readonly add = (listener: (...args: A) => void): (() => void) => {
    this.all.add(listener);
    return () => void this.all.delete(listener);
  };

  emit(...args: A): void {
    for (const listener of this.all) listener(...args);
  }
}
