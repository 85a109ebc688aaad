import type { ClientApi, Photo } from '../../electron/api';
import { errorCode, errorMessage } from '../api/errors';

export type SaveStatus =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved' }
  | { phase: 'failed'; message: string };

interface Job {
  folder: string;
  file: string;
  text: string;
}

type SavedListener = (folder: string, photo: Photo) => void;

const IDLE: SaveStatus = { phase: 'idle' };
const SAVING: SaveStatus = { phase: 'saving' };
const SAVED: SaveStatus = { phase: 'saved' };

const keyOf = (job: { folder: string; file: string }) => `${job.folder}\u0000${job.file}`;

/**
 * Debounced caption saving that outlives the editor: switching photos, leaving the
 * editor or closing the window flushes the pending text of the photo it belongs to.
 * Saves run one at a time so an older text can never land after a newer one.
 */
export class Autosaver {
  private pending: Job | null = null;
  private readonly failed = new Map<string, Job>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly inFlight = new Map<string, number>();
  /** The sidecar text each photo's next save replaces, so a change made elsewhere is never overwritten. */
  private readonly base = new Map<string, string | null>();
  private readonly statuses = new Map<string, SaveStatus>();
  private readonly listeners = new Set<() => void>();
  private readonly savedListeners = new Set<SavedListener>();

  constructor(
    private readonly setCaption: ClientApi['setCaption'],
    private readonly delayMs = 500,
  ) {}

  /** An editor opened on `origin`; saves made while it is unchanged elsewhere may proceed. */
  begin(folder: string, file: string, origin: string | null): void {
    const key = keyOf({ folder, file });
    // Unsaved work for this photo knows better: the editor shows it (see unsavedText).
    if (this.inFlight.has(key) || this.failed.has(key) || this.pendingKey() === key) return;
    this.base.set(key, origin);
  }

  /** Text typed for a photo and not yet written, which a reopened editor must show. */
  unsavedText(folder: string, file: string): string | null {
    const key = keyOf({ folder, file });
    if (this.pending && this.pendingKey() === key) return this.pending.text;
    return this.failed.get(key)?.text ?? null;
  }

  schedule(folder: string, file: string, text: string): void {
    const job = { folder, file, text };
    if (this.pending && this.pendingKey() !== keyOf(job)) void this.flush();
    this.failed.delete(keyOf(job));
    this.pending = job;
    this.setStatus(keyOf(job), SAVING);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes the pending text now, and retries a failed one. Resolves when written. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const jobs = [...this.failed.values()];
    if (this.pending) jobs.push(this.pending);
    this.pending = null;
    this.failed.clear();
    for (const job of jobs) this.enqueue(job);
    return this.queue;
  }

  private enqueue(job: Job): void {
    const key = keyOf(job);
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    this.setStatus(key, SAVING);
    this.queue = this.queue.then(async () => {
      let outcome: SaveStatus;
      let conflict = false;
      try {
        const expected = this.base.get(key);
        const photo = await this.setCaption(expected === undefined ? job : { ...job, expected });
        this.base.set(key, job.text);
        for (const listener of this.savedListeners) listener(job.folder, photo);
        outcome = SAVED;
      } catch (err) {
        outcome = { phase: 'failed', message: errorMessage(err) };
        conflict = errorCode(err) === 'conflict';
      }
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
      // A newer edit of the same photo, queued or waiting, will decide the status.
      const newer = left > 0 || this.pendingKey() === key;
      if (newer) return;
      if (conflict) {
        // Someone else changed the caption; the message quotes it. Nothing is retried
        // behind the user's back, but their next edit, made having read it, is saved.
        this.base.delete(key);
      } else if (outcome.phase === 'failed') {
        // Kept for the next flush (blur, photo change), so a passing error loses no text.
        this.failed.set(key, job);
      }
      this.setStatus(key, outcome);
    });
  }

  statusOf(folder: string, file: string): SaveStatus {
    return this.statuses.get(keyOf({ folder, file })) ?? IDLE;
  }

  /** For useSyncExternalStore: an arrow so its identity is stable. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onSaved(listener: SavedListener): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  private pendingKey(): string | null {
    return this.pending ? keyOf(this.pending) : null;
  }

  private setStatus(key: string, status: SaveStatus): void {
    if (this.statuses.get(key) === status) return;
    this.statuses.set(key, status);
    for (const listener of this.listeners) listener();
  }
}
