/**
 * Collects results and hands them on in batches: after `maxItems` results or once
 * `maxMs` have passed since the last batch, whichever comes first. Thousands of photos
 * become a few events per second, not one per photo, and never a long silence.
 */
export class Batcher<T> {
  private items: T[] = [];
  private last: number;

  constructor(
    private readonly send: (items: T[]) => void,
    private readonly maxItems = 50,
    private readonly maxMs = 100,
    private readonly now: () => number = Date.now,
  ) {
    this.last = now();
  }

  /** True when this item completed a batch that was sent. */
  add(item: T): boolean {
    this.items.push(item);
    if (this.items.length < this.maxItems && this.now() - this.last < this.maxMs) return false;
    this.flush();
    return true;
  }

  flush(): void {
    this.last = this.now();
    if (!this.items.length) return;
    const batch = this.items;
    this.items = [];
    this.send(batch);
  }
}
