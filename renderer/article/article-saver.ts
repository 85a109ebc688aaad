import type { Article } from '../../electron/contract/api';
import { failureOf, type Failure } from '../api/errors';
import type { SaveStatus } from '../caption-editor/autosaver';
import { FlushTimer } from '../ui/flush-timer';
import { Listeners } from '../ui/listeners';

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
 * Debounced article saving (the core writes each save atomically). A save is one call,
 * sent at once: the core runs the saves of an article in call order (dispatch), so the
 * newest version sent is the one that stays. Each save carries the whole article, so
 * only the newest one's answer counts; if it fails it is kept and retried on the next
 * flush (blur, article switch, unload), unless a newer version has replaced it.
 */
export class ArticleSaver {
  private pending: Job | null = null;
  private failed: Job | null = null;
  private readonly timer = new FlushTimer(() => void this.flush());
  private readonly running = new Set<Promise<void>>();
  private inFlight = 0;
  /** The last save sent per article: older answers are stale. */
  private readonly latest = new Map<string, Job>();
  private readonly discarded = new Set<string>();
  private status: SaveStatus = IDLE;
  private readonly listeners = new Listeners();
  private readonly savedListeners = new Listeners<Parameters<SavedListener>>();

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
    this.timer.restart(this.delayMs);
  }

  /** Sends what is waiting now, retrying a failed save. Resolves once every save sent has answered. */
  flush(): Promise<void> {
    this.timer.cancel();
    const jobs = [this.failed, this.pending].filter((j): j is Job => j !== null);
    this.failed = null;
    this.pending = null;
    for (const job of jobs) this.send(job);
    return this.settled();
  }

  /**
   * The article is being deleted: nothing more of it is sent. Saves already sent run
   * before the delete, which the core queues behind them.
   */
  discard(id: string): Promise<void> {
    this.discarded.add(id);
    if (this.pending?.article.id === id) {
      this.timer.cancel();
      this.pending = null;
    }
    if (this.failed?.article.id === id) this.failed = null;
    if (!this.pending && !this.inFlight) this.setStatus(IDLE);
    return this.settled();
  }

  hasUnsaved(): boolean {
    return this.pending !== null || this.failed !== null || this.inFlight > 0;
  }

  private settled(): Promise<void> {
    return Promise.all([...this.running]).then(() => undefined);
  }

  private send(job: Job): void {
    if (this.discarded.has(job.article.id)) return;
    const id = job.article.id;
    this.latest.set(id, job);
    this.inFlight++;
    this.setStatus(SAVING);
    const call = this.save(job).then(
      (saved) => this.answered(job, { saved }),
      (err: unknown) => this.answered(job, { failure: failureOf(err) }),
    );
    this.running.add(call);
    void call.finally(() => {
      this.running.delete(call);
      if (this.latest.get(id) === job) this.latest.delete(id);
    });
  }

  private answered(job: Job, outcome: { saved: Article } | { failure: Failure }): void {
    const id = job.article.id;
    this.inFlight--;
    const newer = this.latest.get(id) !== job || this.pending?.article.id === id;
    if (newer || this.discarded.has(id)) return this.settle();
    if ('saved' in outcome) {
      this.savedListeners.emit(job.folder, outcome.saved);
      return this.settle();
    }
    this.failed = job;
    this.setStatus({ phase: 'failed', failure: outcome.failure });
  }

  /** Saved once nothing is waiting, on its way or failed. */
  private settle(): void {
    if (!this.pending && !this.failed && !this.inFlight) this.setStatus(SAVED);
  }

  getStatus = (): SaveStatus => this.status;

  readonly subscribe = this.listeners.add;

  onSaved(listener: SavedListener): () => void {
    return this.savedListeners.add(listener);
  }

  private setStatus(status: SaveStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.listeners.emit();
  }
}
