import type { ClientApi, Photo } from '../../electron/api';
import { errorCode, errorMessage } from '../api/errors';

export type SaveStatus =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved' }
  | { phase: 'failed'; message: string }
  | { phase: 'conflict'; message: string };

/** How a caption read back from the folder relates to what this editor has done. */
export type Incoming = 'own' | 'clean' | 'dirty';

interface Job {
  folder: string;
  file: string;
  text: string;
}

type SavedListener = (folder: string, photo: Photo) => void;

const IDLE: SaveStatus = { phase: 'idle' };
const SAVING: SaveStatus = { phase: 'saving' };
const SAVED: SaveStatus = { phase: 'saved' };
const HISTORY = 100;

const keyOf = (job: { folder: string; file: string }) => `${job.folder}\u0000${job.file}`;

/**
 * Debounced caption saving that outlives the editor: switching photos, leaving the
 * editor or closing the window flushes the pending text of the photo it belongs to.
 * Saves run one at a time so an older text can never land after a newer one.
 */
export class Autosaver {
  private pending: Job | null = null;
  private readonly failed = new Map<string, Job>();
  /** Refused because the caption changed elsewhere: kept, never retried until the user chooses. */
  private readonly conflicted = new Map<string, Job>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly inFlight = new Map<string, number>();
  /** The sidecar text each photo's next save replaces, so a change made elsewhere is never overwritten. */
  private readonly base = new Map<string, string | null>();
  /**
   * Texts this session started from or sent, per photo. A listing that was under way
   * while we saved can bring one of them back; that is our own past, not someone's edit.
   */
  private readonly history = new Map<string, Set<string>>();
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
    this.remember(key, origin);
    // Unsaved work for this photo knows better: the editor shows it (see unsavedText).
    if (this.hasUnsaved(key)) return;
    this.base.set(key, origin);
  }

  /** Text typed for a photo and not yet written, which a reopened editor must show. */
  unsavedText(folder: string, file: string): string | null {
    const key = keyOf({ folder, file });
    if (this.pending && this.pendingKey() === key) return this.pending.text;
    return this.failed.get(key)?.text ?? this.conflicted.get(key)?.text ?? null;
  }

  /**
   * A caption the folder now reports for a photo: one of ours ("own"), someone else's
   * with nothing of ours waiting ("clean": the editor may take it), or someone else's
   * while our text is unsaved ("dirty": the user must choose).
   */
  classify(folder: string, file: string, incoming: string | null): Incoming {
    const key = keyOf({ folder, file });
    if (this.history.get(key)?.has(incoming ?? '')) return 'own';
    return this.hasUnsaved(key) ? 'dirty' : 'clean';
  }

  schedule(folder: string, file: string, text: string): void {
    const job = { folder, file, text };
    if (this.pending && this.pendingKey() !== keyOf(job)) void this.flush();
    this.failed.delete(keyOf(job));
    this.conflicted.delete(keyOf(job));
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

  /** "Keep mine": write `mine` over the caption the user has now seen (`theirs`). */
  keepMine(folder: string, file: string, theirs: string | null, mine: string): Promise<void> {
    const key = keyOf({ folder, file });
    this.remember(key, theirs);
    this.base.set(key, theirs);
    this.conflicted.delete(key);
    this.schedule(folder, file, mine);
    return this.flush();
  }

  /** "Take theirs": drop what was typed here and start again from `theirs`. */
  takeTheirs(folder: string, file: string, theirs: string | null): void {
    const key = keyOf({ folder, file });
    if (this.pendingKey() === key) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.pending = null;
    }
    this.failed.delete(key);
    this.conflicted.delete(key);
    this.remember(key, theirs);
    this.base.set(key, theirs);
    this.setStatus(key, IDLE);
  }

  private enqueue(job: Job): void {
    const key = keyOf(job);
    this.remember(key, job.text);
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
        conflict = errorCode(err) === 'conflict';
        outcome = { phase: conflict ? 'conflict' : 'failed', message: errorMessage(err) };
      }
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
      // A newer edit of the same photo, queued or waiting, will decide the status.
      const newer = left > 0 || this.pendingKey() === key;
      if (newer) return;
      if (conflict) {
        // Someone else changed the caption. The text is kept and the base too, so that
        // further typing cannot overwrite theirs either: the editor asks which one wins.
        this.conflicted.set(key, job);
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

  private hasUnsaved(key: string): boolean {
    return (
      this.inFlight.has(key) ||
      this.failed.has(key) ||
      this.conflicted.has(key) ||
      this.pendingKey() === key
    );
  }

  private remember(key: string, text: string | null): void {
    let seen = this.history.get(key);
    if (!seen) this.history.set(key, (seen = new Set()));
    seen.delete(text ?? '');
    seen.add(text ?? '');
    if (seen.size > HISTORY) seen.delete(seen.values().next().value!);
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
