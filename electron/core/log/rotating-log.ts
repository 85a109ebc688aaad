import { appendFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The file operations the log uses; tests replace one to make the disk full. */
export interface LogIo {
  appendFile(path: string, text: string): Promise<void>;
  size(path: string): Promise<number>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
}

export const nodeLogIo: LogIo = {
  appendFile: (path, text) => appendFile(path, text, 'utf8'),
  size: (path) =>
    stat(path).then(
      (s) => s.size,
      (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? 0 : Promise.reject(err)),
    ),
  rename: (from, to) =>
    rename(from, to).catch((err: NodeJS.ErrnoException) =>
      err.code === 'ENOENT' ? undefined : Promise.reject(err),
    ),
  remove: (path) => rm(path, { force: true }),
  mkdir: (path) => mkdir(path, { recursive: true }).then(() => undefined),
};

export interface RotatingLogOptions {
  /** Rotate before a write would take the file past this. */
  maxBytes?: number;
  /** Old files kept: name.1 (newest) … name.N. */
  keep?: number;
  /** Lines waiting for the disk; more are dropped (and counted) rather than held. */
  maxQueue?: number;
  io?: LogIo;
}

/**
 * An append-only text file that rotates at a size, written in the background: `write`
 * never waits and never throws. A write the disk refuses (full, read-only, gone) is
 * dropped and counted, and the app goes on; the next write that succeeds starts on a new
 * line, so a torn line never swallows a good one.
 */
export class RotatingLog {
  readonly maxBytes: number;
  readonly keep: number;
  private readonly maxQueue: number;
  private readonly io: LogIo;
  private queue: string[] = [];
  private busy = false;
  private torn = false;
  private idle: (() => void)[] = [];
  private droppedLines = 0;
  private lastError: string | null = null;

  constructor(
    readonly path: string,
    opts: RotatingLogOptions = {},
  ) {
    this.maxBytes = opts.maxBytes ?? 1024 * 1024;
    this.keep = opts.keep ?? 3;
    this.maxQueue = opts.maxQueue ?? 1000;
    this.io = opts.io ?? nodeLogIo;
  }

  /** Queue one line (a newline is added). Returns at once. */
  write(line: string): void {
    if (this.queue.length >= this.maxQueue) {
      this.droppedLines++;
      return;
    }
    this.queue.push(line.endsWith('\n') ? line : `${line}\n`);
    this.pump();
  }

  /** Lines dropped since start (disk refused them, or too many waited). */
  get dropped(): number {
    return this.droppedLines;
  }

  /** Why the last write was dropped, or null. */
  get lastWriteError(): string | null {
    return this.lastError;
  }

  /** Resolves once every line written so far has reached the disk or been dropped. */
  flush(): Promise<void> {
    if (!this.busy && !this.queue.length) return Promise.resolve();
    return new Promise((done) => this.idle.push(done));
  }

  /** The current file and the old ones, newest first. */
  files(): string[] {
    return [this.path, ...Array.from({ length: this.keep }, (_, i) => `${this.path}.${i + 1}`)];
  }

  /** The last `n` lines, across the current file and the old ones if it holds fewer. */
  async tail(n: number): Promise<string[]> {
    await this.flush();
    const out: string[] = [];
    for (const file of this.files()) {
      if (out.length >= n) break;
      const text = await readFile(file, 'utf8').catch(() => '');
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      out.unshift(...lines.slice(Math.max(0, lines.length - (n - out.length))));
    }
    return out;
  }

  private pump(): void {
    if (this.busy) return;
    this.busy = true;
    void this.drain().finally(() => {
      this.busy = false;
      if (this.queue.length) this.pump();
      else this.idle.splice(0).forEach((done) => done());
    });
  }

  /**
   * Each round takes as many lines as fit in the current file, rotating first when even
   * the next one would not: no file outgrows maxBytes unless one line does. The size is
   * measured each round, since another process (the CLI beside the app) may write too.
   */
  private async drain(): Promise<void> {
    while (this.queue.length) {
      let taken: string[] = [];
      try {
        await this.io.mkdir(dirname(this.path));
        const lead = this.torn ? '\n' : '';
        let size = await this.io.size(this.path);
        if (size > 0 && size + Buffer.byteLength(lead + this.queue[0]!) > this.maxBytes) {
          await this.rotate();
          size = 0;
        }
        let total = size + Buffer.byteLength(lead);
        let n = 0;
        for (; n < this.queue.length; n++) {
          const bytes = Buffer.byteLength(this.queue[n]!);
          if (n > 0 && total + bytes > this.maxBytes) break;
          total += bytes;
        }
        taken = this.queue.splice(0, n);
        await this.io.appendFile(this.path, lead + taken.join(''));
        this.torn = false;
      } catch (err) {
        // Nothing taken yet (the folder or the size could not be had): give up one line, so
        // a disk that stays broken empties the queue instead of spinning on it.
        if (!taken.length) taken = this.queue.splice(0, 1);
        this.droppedLines += taken.length;
        this.torn = true;
        this.lastError = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      }
    }
  }

  private async rotate(): Promise<void> {
    await this.io.remove(`${this.path}.${this.keep}`);
    for (let i = this.keep - 1; i >= 1; i--)
      await this.io.rename(`${this.path}.${i}`, `${this.path}.${i + 1}`);
    await this.io.rename(this.path, `${this.path}.1`);
  }
}
