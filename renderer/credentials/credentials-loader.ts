import type { Credentials } from '../../electron/contract/credentials';
import { failureOf, type Failure } from '../api/errors';

/** One photo the scan saw a manifest store in, with the version its verdict must match. */
export interface Wanted {
  file: string;
  /** The file's modification time: a new one means new bytes, so a new verdict. */
  version: string;
}

export type Ask = (files: string[]) => Promise<Credentials[]>;

interface Known {
  version: string;
  result: Credentials;
}

/**
 * The credentials of one folder's signed photos, asked of the core in batches, one batch
 * at a time: validating hashes each file whole, and a folder of a thousand signed frames
 * must neither hold up the grid nor take the core from everything else. The photo asked
 * for first (the selected one) jumps the queue. A verdict stays shown while its photo is
 * asked again (a new version of the file), so badges do not blink; a trust list change
 * drops them all, as every verdict changed.
 */
export class CredentialsLoader {
  private wanted: Wanted[] = [];
  private wantedVersion = new Map<string, string>();
  private known = new Map<string, Known>();
  private failed = new Map<string, { version: string; failure: Failure }>();
  private first: string | null = null;
  private running = false;
  /** Bumped by reset and dispose: answers to an older generation are thrown away. */
  private generation = 0;
  private stopped = false;
  private view: ReadonlyMap<string, Credentials> = new Map();
  private failuresView: ReadonlyMap<string, Failure> = new Map();

  constructor(
    private readonly ask: Ask,
    private readonly onChange: () => void,
    private readonly batchSize = 50,
  ) {}

  /** file → verdict; a new map object after every change (React compares by identity). */
  get results(): ReadonlyMap<string, Credentials> {
    return this.view;
  }

  /** file → why its credentials could not be asked (the call itself failed). */
  get failures(): ReadonlyMap<string, Failure> {
    return this.failuresView;
  }

  /** The signed photos, in the order to ask them (grid order). Photos gone are forgotten. */
  want(wanted: readonly Wanted[]): void {
    this.wanted = [...wanted];
    this.wantedVersion = new Map(wanted.map((w) => [w.file, w.version]));
    let changed = false;
    for (const file of this.known.keys())
      if (!this.wantedVersion.has(file)) {
        this.known.delete(file);
        changed = true;
      }
    for (const file of this.failed.keys())
      if (!this.wantedVersion.has(file)) {
        this.failed.delete(file);
        changed = true;
      }
    if (changed) this.publish();
    this.pump();
  }

  /** Ask this photo before the others (the one the information panel shows). */
  prioritize(file: string | null): void {
    this.first = file;
    this.pump();
  }

  /** The trust list changed: every verdict is stale, failures may clear. Ask them all again. */
  reset(): void {
    this.generation++;
    this.known.clear();
    this.failed.clear();
    this.running = false;
    this.publish();
    this.pump();
  }

  /** Stop asking, and ignore answers on their way (the folder closed, or a remount). */
  stop(): void {
    this.stopped = true;
    this.running = false;
    this.generation++;
  }

  /** Ask again after a stop: whatever is still missing. */
  start(): void {
    this.stopped = false;
    this.pump();
  }

  private needs(file: string): boolean {
    const version = this.wantedVersion.get(file);
    if (version === undefined) return false;
    if (this.failed.get(file)?.version === version) return false;
    return this.known.get(file)?.version !== version;
  }

  private nextBatch(): Wanted[] {
    const batch: Wanted[] = [];
    const first = this.first;
    if (first && this.needs(first))
      batch.push({ file: first, version: this.wantedVersion.get(first)! });
    for (const w of this.wanted) {
      if (batch.length >= this.batchSize) break;
      if (w.file !== first && this.needs(w.file)) batch.push(w);
    }
    return batch;
  }

  private pump(): void {
    if (this.running || this.stopped) return;
    const batch = this.nextBatch();
    if (!batch.length) return;
    this.running = true;
    const generation = this.generation;
    this.ask(batch.map((w) => w.file)).then(
      (answers) => {
        if (generation !== this.generation) return;
        const byFile = new Map(answers.map((c) => [c.file, c]));
        for (const w of batch) {
          const c = byFile.get(w.file);
          if (c) this.known.set(w.file, { version: w.version, result: c });
          else
            this.failed.set(w.file, {
              version: w.version,
              failure: failureOf(`${w.file}: the core did not answer for it`),
            });
        }
        this.finish();
      },
      (err: unknown) => {
        if (generation !== this.generation) return;
        const failure = failureOf(err);
        for (const w of batch) this.failed.set(w.file, { version: w.version, failure });
        this.finish();
      },
    );
  }

  private finish(): void {
    this.running = false;
    this.publish();
    this.pump();
  }

  private publish(): void {
    this.view = new Map([...this.known].map(([file, k]) => [file, k.result]));
    this.failuresView = new Map([...this.failed].map(([file, f]) => [file, f.failure]));
    if (!this.stopped) this.onChange();
  }
}
