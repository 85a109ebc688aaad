import type { ApiEvent } from '../../contract/api';
import { SpeedMeter } from '../outbox/speed';

/** What an `ingestProgress` event carries besides its job and destination. */
export type IngestProgress = Omit<
  Extract<ApiEvent, { type: 'ingestProgress' }>,
  'type' | 'job' | 'to'
>;

/** Counts for the progress panel and the CLI's status line; speed over the last seconds. */
export class ProgressTracker {
  readonly state: IngestProgress = {
    filesDone: 0,
    filesTotal: 0,
    bytesDone: 0,
    bytesTotal: 0,
    bytesPerSecond: 0,
    etaSeconds: null,
    current: '',
    failed: 0,
    landed: null,
  };
  private readonly speed = new SpeedMeter(3000);

  constructor(private readonly report: (p: IngestProgress) => void) {}

  bytes(n: number): void {
    this.state.bytesDone += n;
    this.speed.add(n);
    this.emit();
  }

  /** A file that will not be copied after all (already in, or failed): out of the byte total. */
  drop(size: number): void {
    this.state.bytesTotal = Math.max(this.state.bytesDone, this.state.bytesTotal - size);
  }

  fileDone(opts: { failed?: boolean; landed?: string | null } = {}): void {
    this.state.filesDone++;
    if (opts.failed) this.state.failed++;
    if (opts.landed) this.state.landed = opts.landed;
    this.emit();
  }

  current(name: string): void {
    this.state.current = name;
  }

  emit(): void {
    const bps = this.speed.bytesPerSecond();
    this.state.bytesPerSecond = bps;
    const left = this.state.bytesTotal - this.state.bytesDone;
    this.state.etaSeconds = bps > 0 ? Math.ceil(left / bps) : null;
    this.report({ ...this.state });
  }
}
