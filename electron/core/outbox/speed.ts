/** Bytes per second over the last few seconds: steady enough for an ETA on 3G. */
export class SpeedMeter {
  private samples: { at: number; bytes: number }[] = [];
  constructor(private readonly windowMs = 5000) {}

  add(bytes: number, at = Date.now()): void {
    this.samples.push({ at, bytes });
    while (this.samples.length && this.samples[0]!.at < at - this.windowMs) this.samples.shift();
  }

  bytesPerSecond(now = Date.now()): number {
    const recent = this.samples.filter((s) => s.at >= now - this.windowMs);
    if (recent.length < 2) return 0;
    const span = Math.max(250, now - recent[0]!.at);
    return Math.round((recent.reduce((n, s) => n + s.bytes, 0) * 1000) / span);
  }
}
