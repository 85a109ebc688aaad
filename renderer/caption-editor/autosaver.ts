import type { ClientApi, Photo } from '../../electron/contract/api';
import { errorCode, failureOf, type Failure } from '../api/errors';
import { FlushTimer } from '../ui/flush-timer';
import { Listeners } from '../ui/listeners';
import { kindOf } from '../../common/errors/error-codes';

export type SaveStatus =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved' }
  | { phase: 'failed'; failure: Failure }
  | { phase: 'conflict'; failure: Failure };

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
 * A save is one `setCaption` call, sent at once: the core runs the writes of a folder
 * in the order they were called (see `dispatch`), so there is no queue here. Each save
 * says which text it replaces (`expected`): the text the previous call of this editor
 * put there, since that call runs first. When another program has changed the caption
 * meanwhile the core refuses the save, and the editor asks the user which text wins.
 */
export class Autosaver {
  private pending: Job | null = null;
  private readonly failed = new Map<string, Job>();
  /** Refused because the caption changed elsewhere: kept, never retried until the user chooses. */
  private readonly conflicted = new Map<string, Job>();
  private readonly timer = new FlushTimer(() => void this.flush());
  /** Calls sent and not answered, per photo. */
  private readonly inFlight = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  /** The last save sent per photo: only its answer sets the status. */
  private readonly latest = new Map<string, Job>();
  /** Per photo, what the folder held before a save that failed while newer ones were on their way. */
  private readonly broken = new Map<string, string | null>();
  /**
   * Per photo, the caption the folder holds once the calls sent so far have run: the
   * text the editor started from, the last text sent, or the other writer's text the
   * user took. The next save expects exactly this.
   */
  private readonly base = new Map<string, string | null>();
  /**
   * Photos whose editor holds text typed in it since it opened, saved or not: another
   * writer's caption arriving then is a choice for the user, not a silent swap under
   * the caret.
   */
  private readonly typed = new Set<string>();
  private readonly statuses = new Map<string, SaveStatus>();
  private readonly listeners = new Listeners();
  private readonly savedListeners = new Listeners<Parameters<SavedListener>>();

  constructor(
    private readonly setCaption: ClientApi['setCaption'],
    private readonly delayMs = 500,
  ) {}

  /** An editor opened on `origin`; saves made while it is unchanged elsewhere may proceed. */
  begin(folder: string, file: string, origin: string | null): void {
    const key = keyOf({ folder, file });
    // Unsaved work for this photo knows better: the editor shows it (see unsavedText).
    if (this.hasUnsavedKey(key)) return;
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
   * True while text typed for the photo is waiting or on its way: the editor holds a
   * newer caption than the folder's news, and keeps it (a change made elsewhere
   * meanwhile makes the save fail with a conflict, which asks the user).
   */
  isSaving(folder: string, file: string): boolean {
    const key = keyOf({ folder, file });
    return this.inFlight.has(key) || this.pendingKey() === key;
  }

  /** Text typed in this editor since it opened, saved or not, or kept unsaved. */
  hasTyped(folder: string, file: string): boolean {
    const key = keyOf({ folder, file });
    return this.typed.has(key) || this.hasUnsavedKey(key);
  }

  schedule(folder: string, file: string, text: string): void {
    const job = { folder, file, text };
    this.typed.add(keyOf(job));
    if (this.pending && this.pendingKey() !== keyOf(job)) void this.flush();
    this.failed.delete(keyOf(job));
    this.conflicted.delete(keyOf(job));
    this.pending = job;
    this.setStatus(keyOf(job), SAVING);
    this.timer.restart(this.delayMs);
  }

  /** Sends the pending text now, and retries a failed one. Resolves when every save sent has answered. */
  flush(): Promise<void> {
    this.timer.cancel();
    const jobs = [...this.failed.values()];
    if (this.pending) jobs.push(this.pending);
    this.pending = null;
    this.failed.clear();
    for (const job of jobs) this.send(job);
    return Promise.all([...this.running]).then(() => undefined);
  }

  /** "Keep mine": write `mine` over the caption the user has now seen (`theirs`). */
  keepMine(folder: string, file: string, theirs: string | null, mine: string): Promise<void> {
    const key = keyOf({ folder, file });
    this.base.set(key, theirs);
    this.conflicted.delete(key);
    this.schedule(folder, file, mine);
    return this.flush();
  }

  /** "Take theirs", or a change made elsewhere while nothing was typed: start again from `theirs`. */
  takeTheirs(folder: string, file: string, theirs: string | null): void {
    const key = keyOf({ folder, file });
    if (this.pendingKey() === key) {
      this.timer.cancel();
      this.pending = null;
    }
    this.failed.delete(key);
    this.conflicted.delete(key);
    this.typed.delete(key);
    this.base.set(key, theirs);
    this.setStatus(key, IDLE);
  }

  private send(job: Job): void {
    const key = keyOf(job);
    const expected = this.base.get(key);
    // The core runs this call before any later one: they replace this text.
    this.base.set(key, job.text);
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    this.latest.set(key, job);
    this.setStatus(key, SAVING);
    const call = this.setCaption(expected === undefined ? job : { ...job, expected }).then(
      (photo) => this.answered(job, expected, { photo }),
      (err: unknown) => this.answered(job, expected, { err }),
    );
    this.running.add(call);
    void call.finally(() => this.running.delete(call));
  }

  private answered(
    job: Job,
    expected: string | null | undefined,
    outcome: { photo: Photo } | { err: unknown },
  ): void {
    const key = keyOf(job);
    const left = (this.inFlight.get(key) ?? 1) - 1;
    if (left > 0) this.inFlight.set(key, left);
    else this.inFlight.delete(key);
    // A newer edit of the same photo, sent or waiting, decides the status. Answers can
    // arrive in another order than the core ran the calls (browser mode).
    const newer = this.latest.get(key) !== job || this.pendingKey() === key;
    if (!left) this.latest.delete(key);
    if ('photo' in outcome) {
      if (!left) this.broken.delete(key);
      if (newer) return;
      this.savedListeners.emit(job.folder, outcome.photo);
      return this.setStatus(key, SAVED);
    }
    // A save that failed broke the chain of `expected`: the saves sent after it expected
    // its text, so their refusals are that failure again, not another writer's change.
    const before = this.broken.has(key) ? this.broken.get(key)! : expected;
    const conflict = kindOf(errorCode(outcome.err) ?? '') === 'conflict' && !this.broken.has(key);
    const failure = failureOf(outcome.err);
    if (newer) {
      if (!left) this.base.set(key, before ?? null);
      else if (!conflict && !this.broken.has(key)) this.broken.set(key, expected ?? null);
      return;
    }
    this.broken.delete(key);
    // The folder still holds what this save expected.
    this.base.set(key, before ?? null);
    if (conflict) {
      // Someone else changed the caption: the text is kept, and not retried, until the
      // user chooses (further typing is refused the same way, so theirs is safe).
      this.conflicted.set(key, job);
      this.setStatus(key, { phase: 'conflict', failure });
    } else {
      // Kept for the next flush (blur, photo change), so a passing error loses no text.
      this.failed.set(key, job);
      this.setStatus(key, { phase: 'failed', failure });
    }
  }

  statusOf(folder: string, file: string): SaveStatus {
    return this.statuses.get(keyOf({ folder, file })) ?? IDLE;
  }

  /** For useSyncExternalStore: an arrow so its identity is stable. */
  readonly subscribe = this.listeners.add;

  /** The newest save of a photo has landed (older answers of it are not reported). */
  onSaved(listener: SavedListener): () => void {
    return this.savedListeners.add(listener);
  }

  private hasUnsavedKey(key: string): boolean {
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
    this.listeners.emit();
  }
}
