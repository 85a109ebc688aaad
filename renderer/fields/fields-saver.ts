import type { ClientApi, FieldsInput, Photo } from '../../electron/contract/api';
import { failureOf, type Failure } from '../api/errors';
import { FlushTimer } from '../ui/flush-timer';
import { Listeners } from '../ui/listeners';

export type FieldsStatus =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved' }
  | { phase: 'failed'; failure: Failure };

interface Job {
  folder: string;
  files: string[];
  fields: FieldsInput;
}

const IDLE: FieldsStatus = { phase: 'idle' };
const SAVING: FieldsStatus = { phase: 'saving' };
const SAVED: FieldsStatus = { phase: 'saved' };

const sameTarget = (a: Job, b: { folder: string; files: string[] }) =>
  a.folder === b.folder && a.files.join('\u0000') === b.files.join('\u0000');

const fieldKey = (folder: string, file: string, field: string) =>
  `${folder}\u0000${file}\u0000${field}`;

/**
 * Field edits saved like the caption: 500 ms after the last keystroke, one call for all
 * the selected photos, edits of several fields merged into it. A change of selection
 * flushes the edits of the previous one first; a failed save is retried on the next flush.
 *
 * Each save is sent at once: the core runs a folder's writes in call order (dispatch).
 */
export class FieldsSaver {
  private pending: Job | null = null;
  private readonly failed: Job[] = [];
  private readonly timer = new FlushTimer(() => void this.flush());
  private readonly running = new Set<Promise<void>>();
  private sent = 0;
  private inFlight = 0;
  /** Per photo and field, the number of the last save that wrote it. */
  private readonly lastSent = new Map<string, number>();
  private status: FieldsStatus = IDLE;
  private readonly listeners = new Listeners();
  private readonly savedListeners = new Listeners<[folder: string, photos: Photo[]]>();

  constructor(
    private readonly setFields: ClientApi['setFields'],
    private readonly delayMs = 500,
  ) {}

  schedule(folder: string, files: string[], fields: FieldsInput): void {
    if (this.pending && !sameTarget(this.pending, { folder, files })) void this.flush();
    this.pending = {
      folder,
      files,
      fields: { ...(this.pending?.fields ?? {}), ...fields },
    };
    this.setStatus(SAVING);
    this.timer.restart(this.delayMs);
  }

  /** Sends what is waiting, and retries what failed. Resolves when every save sent has answered. */
  flush(): Promise<void> {
    this.timer.cancel();
    const jobs = this.failed.splice(0);
    if (this.pending) jobs.push(this.pending);
    this.pending = null;
    for (const job of jobs) this.send(job);
    return Promise.all([...this.running]).then(() => undefined);
  }

  private send(job: Job): void {
    const n = ++this.sent;
    for (const file of job.files)
      for (const field of Object.keys(job.fields))
        this.lastSent.set(fieldKey(job.folder, file, field), n);
    this.inFlight++;
    const call = this.setFields({ folder: job.folder, files: job.files, fields: job.fields }).then(
      (photos) => {
        this.inFlight--;
        this.savedListeners.emit(job.folder, photos);
        if (!this.inFlight && !this.pending && this.failed.length === 0) this.setStatus(SAVED);
      },
      (err: unknown) => {
        this.inFlight--;
        this.keepFailed(job, n);
        this.setStatus({ phase: 'failed', failure: failureOf(err) });
      },
    );
    this.running.add(call);
    void call.finally(() => {
      this.running.delete(call);
      // Nothing left to answer: no failure can be compared with a later save any more.
      if (!this.inFlight) this.lastSent.clear();
    });
  }

  /**
   * Keeps a failed save for the next flush, without the fields a later save writes
   * (retrying those would put the older value back over the newer).
   */
  private keepFailed(job: Job, n: number): void {
    const fields = Object.fromEntries(
      Object.entries(job.fields).filter(([field]) =>
        job.files.every((file) => this.lastSent.get(fieldKey(job.folder, file, field)) === n),
      ),
    ) as FieldsInput;
    const newer = this.pending && sameTarget(this.pending, job) ? this.pending : null;
    // Newer edits of the same photos, still waiting, win field by field.
    if (newer) newer.fields = { ...fields, ...newer.fields };
    else if (Object.keys(fields).length) this.failed.push({ ...job, fields });
  }

  statusOf(): FieldsStatus {
    return this.status;
  }

  readonly subscribe = this.listeners.add;

  onSaved(listener: (folder: string, photos: Photo[]) => void): () => void {
    return this.savedListeners.add(listener);
  }

  private setStatus(status: FieldsStatus): void {
    this.status = status;
    this.listeners.emit();
  }
}
