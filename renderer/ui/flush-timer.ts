/**
 * A saver's debounce: one flush waiting, pushed back by each change and dropped when the
 * saver flushes by itself (blur, switch, unload).
 */
export class FlushTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly flush: () => void) {}

  restart(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, delayMs);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
