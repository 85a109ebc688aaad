import type { ClientApi, Photo } from '../../electron/contract/api';
import { errorCode, failureOf, type Failure } from '../api/errors';
import { kindOf } from '../../common/errors/error-codes';

export type SaveStatus =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved' }
  | { phase: 'failed'; failure: Failure }
  | { phase: 'conflict'; failure: Failure };

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

const keyOf = (job: { folder: string; file: string }) => `${job.folder}\u0000${job.file}`;

/**
 * Debounced caption saving that outlives the editor: switching photos, leaving the
 * editor or closing the window flushes the pending text of the photo it belongs to.
 *
 * Saves run one after another. The core serializes writes per sidecar, but each save
 * says which text it replaces (`expected`, so another program's caption is never
 * overwritten), and that is only known once the previous save has answered.
 */
export class Autosaver {
  private pending: Job | null = null;
  private readonly failed = new Map<string, Job>();
  /** Refused because the caption changed elsewhere: kept, never retried until the user chooses. */
  private readonly conflicted = new Map<string, Job>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly inFlight = new Map<string, number>();
  /**
   * Per photo, the caption the folder holds as far as this editor knows: the text it
   * started from, its last confirmed save, or the other writer's text the user took.
   * The next save must replace exactly this, and news from the core equal to it is ours.
   */
  private readonly base = new Map<string, string | null>();
  /**
   * Photos whose editor holds text typed in it since it opened, saved or not: another
   * writer's caption arriving then is a choice for the user, not a silent swap under
   * the caret.
   */
  private readonly typed = new Set<string>();
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
    if (this.hasUnsaved(key)) return;
    this.typed.delete(key);
    this.base.set(key, origin);
  }

  /** Text typed for a photo and not yet written, which a reopened editor must show. */
  unsavedText(folder: string, file: string): string | null {
    const key = keyOf({ folder, file });
    if (this.pending && this.pendingKey() === key) return this.pending.text;
    return this.failed.get(key)?.text ?? this.conflicted.get(key)?.text ?? null;
  }

  /**
   * A caption the core now reports for a photo (a photosChanged event or a save's
   * answer): ours ("own"), someone else's with nothing typed here since the editor
   * opened ("clean": the editor may take it), or someone else's over text typed here
   * ("dirty": the user must choose).
   *
   * No history of past texts is needed. The core announces a write before answering it,
   * so the news of our own save arrives while the save is in flight, or equals `base`
   * once it has answered. While a save is in flight the news is ours or will make that
   * save fail with a conflict (it carries `expected`), which asks the user anyway.
   */
  classify(folder: string, file: string, incoming: string | null): Incoming {
    const key = keyOf({ folder, file });
    if (this.inFlight.has(key)) return 'own';
    if (this.base.has(key) && (this.base.get(key) ?? '') === (incoming ?? '')) return 'own';
    return this.hasUnsaved(key) || this.typed.has(key) ? 'dirty' : 'clean';
  }

  schedule(folder: string, file: string, text: string): void {
    const job = { folder, file, text };
    this.typed.add(keyOf(job));
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
    this.typed.delete(key);
    this.base.set(key, theirs);
    this.setStatus(key, IDLE);
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
        conflict = kindOf(errorCode(err) ?? '') === 'conflict';
        outcome = { phase: conflict ? 'conflict' : 'failed', failure: failureOf(err) };
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

  private pendingKey(): string | null {
    return this.pending ? keyOf(this.pending) : null;
  }

  private setStatus(key: string, status: SaveStatus): void {
    if (this.statuses.get(key) === status) return;
    this.statuses.set(key, status);
    for (const listener of this.listeners) listener();
  }
}
