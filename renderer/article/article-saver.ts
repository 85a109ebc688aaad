import type { Article } from '../../electron/contract/api';
import { failureOf } from '../api/errors';
import type { SaveStatus } from '../caption-editor/autosaver';

type Save = (args: { folder: string; article: Article }) => Promise<Article>;
type SavedListener = (folder: string, article: Article) => void;

interface Job {
  folder: string;
  article: Article;
}

const IDLE: SaveStatus = { phase: 'idle' };
const SAVING: SaveStatus = { phase: 'saving' };
const SAVED: SaveStatus = { phase: 'saved' };

/**
 * Debounced article saving (the core writes each save atomically). Only the newest
 * version of an article is ever written; saves run one at a time, so an older version
 * never lands after a newer one. A failed save is kept and retried on the next flush
 * (blur, article switch, unload), unless a newer version has replaced it.
 */
export class ArticleSaver {
  private pending: Job | null = null;
  private failed: Job | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private readonly discarded = new Set<string>();
  private status: SaveStatus = IDLE;
  private readonly listeners = new Set<() => void>();
  private readonly savedListeners = new Set<SavedListener>();

  constructor(
    private readonly save: Save,
    private readonly delayMs = 600,
  ) {}

  schedule(folder: string, article: Article): void {
    if (this.pending && this.pending.article.id !== article.id) void this.flush();
    this.discarded.delete(article.id);
    if (this.failed?.article.id === article.id) this.failed = null;
    this.pending = { folder, article };
    this.setStatus(SAVING);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes what is waiting now, retrying a failed save. Resolves once written (or failed). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const jobs = [this.failed, this.pending].filter((j): j is Job => j !== null);
    this.failed = null;
    this.pending = null;
    for (const job of jobs) this.enqueue(job);
    return this.queue;
  }

  /** The article is being deleted: nothing more of it may be written. */
  discard(id: string): Promise<void> {
    this.discarded.add(id);
    if (this.pending?.article.id === id) {
      clearTimeout(this.timer);
      this.pending = null;
    }
    if (this.failed?.article.id === id) this.failed = null;
    if (!this.pending && !this.inFlight) this.setStatus(IDLE);
    return this.queue;
  }

  hasUnsaved(): boolean {
    return this.pending !== null || this.failed !== null || this.inFlight > 0;
  }

  private enqueue(job: Job): void {
    this.inFlight++;
    this.setStatus(SAVING);
    this.queue = this.queue.then(async () => {
      let outcome: SaveStatus = SAVED;
      if (!this.discarded.has(job.article.id)) {
        try {
          const saved = await this.save(job);
          for (const l of this.savedListeners) l(job.folder, saved);
        } catch (err) {
          outcome = { phase: 'failed', failure: failureOf(err) };
        }
      }
      this.inFlight--;
      const newer = this.inFlight > 0 || this.pending?.article.id === job.article.id;
      if (outcome.phase === 'failed' && !newer && !this.discarded.has(job.article.id))
        this.failed = job;
      if (this.inFlight === 0 && !this.pending) this.setStatus(outcome);
    });
  }

  getStatus = (): SaveStatus => this.status;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onSaved(listener: SavedListener): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  private setStatus(status: SaveStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const l of this.listeners) l();
  }
}
