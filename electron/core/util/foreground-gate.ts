/**
 * Work a person is waiting for (the pictures on screen) goes before background work
 * (building thumbnails, the assisted culling). Foreground calls are counted; a
 * background job asks `idle()` before each photo and waits while any is in flight.
 * A job already running is not interrupted: the gate decides only what starts next.
 */
export class ForegroundGate {
  private busy = 0;
  private waiting: (() => void)[] = [];

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await work();
    } finally {
      if (--this.busy === 0) {
        const wake = this.waiting;
        this.waiting = [];
        for (const w of wake) w();
      }
    }
  }

  idle(): Promise<void> {
    return this.busy === 0 ? Promise.resolve() : new Promise((r) => this.waiting.push(r));
  }
}
