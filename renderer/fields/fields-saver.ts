import type { ClientApi, FieldsInput, Photo } from '../../electron/contract/api';
import { failureOf, type Failure } from '../api/errors';

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

/**
 * Field edits saved like the caption: 500 ms after the last keystroke, one call for all
 * the selected photos, edits of several fields merged into it. A change of selection
 * flushes the edits of the previous one first; a failed save is retried on the next flush.
 */
export class FieldsSaver {
  private pending: Job | null = null;
  private readonly failed: Job[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private status: FieldsStatus = IDLE;
  private readonly listeners = new Set<() => void>();
  private readonly savedListeners = new Set<(folder: string, photos: Photo[]) => void>();

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
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const jobs = this.failed.splice(0);
    if (this.pending) jobs.push(this.pending);
    this.pending = null;
    for (const job of jobs) this.enqueue(job);
    return this.queue;
  }

  private enqueue(job: Job): void {
    this.queue = this.queue.then(async () => {
      try {
        const photos = await this.setFields({
          folder: job.folder,
          files: job.files,
          fields: job.fields,
        });
        for (const listener of this.savedListeners) listener(job.folder, photos);
        if (!this.pending && this.failed.length === 0) this.setStatus(SAVED);
      } catch (err) {
        // Kept for the next flush; newer edits of the same photos win field by field.
        const newer = this.pending && sameTarget(this.pending, job) ? this.pending : null;
        if (newer) newer.fields = { ...job.fields, ...newer.fields };
        else this.failed.push(job);
        this.setStatus({ phase: 'failed', failure: failureOf(err) });
      }
    });
  }

  statusOf(): FieldsStatus {
    return this.status;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onSaved(listener: (folder: string, photos: Photo[]) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  private setStatus(status: FieldsStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
