import { randomUUID } from 'node:crypto';
import { codeForErrno } from '../../../common/errors/errno';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ApiEvent } from '../../contract/api';
import { ApiError } from '../../contract/errors';
import { DestinationStore } from './destination-store';
import { OutboxError } from './errors';
import { JobRunner, type OutboxOptions } from './job-runner';
import { heldElsewhereLabel, jobHolder, lockJob } from './job-lock';
import { JobStore } from './job-store';
import { SentLog } from './sent-log';
import type { SecretStore } from './secret-store';
import { packageNameOf, sha256File, stagePackage } from './stage-package';
import { WpPostMap } from './wordpress/wp-post-map';
import { TERMINAL, type Destination, type OutboxJob } from './types';

export type { OutboxOptions } from './job-runner';

export interface JobView extends OutboxJob {
  bytesPerSecond: number;
  etaSeconds: number | null;
  /** The pid of another CaptionDesk (the app, a CLI run) sending this job right now. */
  heldBy: number | null;
}

/** How often a job another process sends is looked at, to learn how it ended. */
const HOLDER_POLL_MS = 200;

/**
 * The queue: jobs persisted one file each, run one at a time (a reporter's uplink is
 * the bottleneck; two uploads would only slow both), retried with backoff, resumed
 * after a quit or crash. `autoRun` false (the CLI) runs only the jobs it was asked to.
 * One attempt and what comes of it is the JobRunner's.
 *
 * Another process (the app, a CLI run) may share the data folder: each attempt holds
 * the job's lock file (job-lock.ts), a job locked by a live process is left to it and
 * watched until it ends, and the saved record is read again before a job is touched,
 * as the other process may have moved it on.
 */
export class Outbox {
  readonly destinations: DestinationStore;
  private readonly jobs: JobStore;
  private readonly sent: SentLog;
  private readonly runner: JobRunner;
  private readonly stagingRoot: string;
  private byId = new Map<string, OutboxJob>();
  private loaded: Promise<void> | null = null;
  private loopBusy = false;
  private readonly focus = new Set<string>();
  private readonly waiters = new Map<string, ((j: OutboxJob) => void)[]>();
  private timer: NodeJS.Timeout | null = null;
  /** Jobs another live process is sending: job id → its pid. */
  private readonly heldElsewhere = new Map<string, number>();
  private readonly watching = new Set<string>();
  private closed = false;

  constructor(
    dir: string,
    secrets: SecretStore,
    private readonly emit: (e: ApiEvent) => void,
    private readonly autoRun: boolean,
    opts: OutboxOptions = {},
  ) {
    this.destinations = new DestinationStore(dir);
    this.jobs = new JobStore(join(dir, 'jobs'));
    this.sent = new SentLog(join(dir, 'sent.json'));
    this.stagingRoot = join(dir, 'staging');
    this.runner = new JobRunner({
      destinations: this.destinations,
      jobs: this.jobs,
      sent: this.sent,
      wpPosts: new WpPostMap(join(dir, 'wordpress-posts.json')),
      secrets,
      opts,
      staging: (id) => this.staging(id),
      changed: (job) => this.changed(job),
      progress: (job, d) => this.progress(job, d),
    });
  }

  /** Load the jobs left by the last run; an interrupted one is queued again. */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      for (const j of await this.jobs.all()) {
        if (j.state === 'running' || j.state === 'waiting-offline') j.state = 'queued';
        this.byId.set(j.id, j);
      }
      if (this.autoRun) this.kick();
    })();
    return this.loaded;
  }

  async list(): Promise<JobView[]> {
    await this.load();
    return [...this.byId.values()].map((j) => this.view(j));
  }

  async get(id: string): Promise<OutboxJob> {
    await this.load();
    const j = this.byId.get(id);
    if (!j) throw new OutboxError('server-error', `No outbox job ${id}.`);
    return j;
  }

  view(j: OutboxJob): JobView {
    const live = this.runner.running?.id === j.id ? this.runner.running.speed : null;
    const bps = live?.bytesPerSecond() ?? 0;
    return {
      ...j,
      files: j.files.map((f) => ({ ...f })),
      bytesPerSecond: bps,
      etaSeconds: bps > 0 ? Math.ceil((j.bytesTotal - j.bytesDone) / bps) : null,
      heldBy: this.heldElsewhere.get(j.id) ?? null,
    };
  }

  async enqueue(packagePath: string, destinationId: string): Promise<OutboxJob> {
    await this.load();
    const path = resolve(packagePath);
    if (!(await this.destinations.get(destinationId)))
      throw new OutboxError('server-error', `No saved destination ${destinationId}.`);
    let sha256: string;
    try {
      sha256 = await sha256File(path);
    } catch (err) {
      throw new OutboxError(
        'package-unreadable',
        `Cannot read the package ${path}: ${(err as Error).message}`,
      );
    }
    const same = [...this.byId.values()].filter(
      (j) => j.sha256 === sha256 && j.destinationId === destinationId,
    );
    const pending = same.find((j) => !TERMINAL.has(j.state) || j.state === 'failed');
    if (pending) {
      if (pending.state === 'failed') await this.retry(pending.id);
      this.want(pending.id);
      return pending;
    }
    const now = new Date().toISOString();
    const job: OutboxJob = {
      id: randomUUID().slice(0, 8),
      packagePath: path,
      packageName: packageNameOf(path),
      sha256,
      destinationId,
      state: 'queued',
      files: [],
      bytesTotal: 0,
      bytesDone: 0,
      bytesSent: 0,
      resumes: [],
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    };
    if (await this.sent.has(sha256, destinationId)) {
      job.state = 'already-there';
    } else {
      job.files = await this.stage(job);
      job.bytesTotal = job.files.reduce((n, f) => n + f.bytes, 0);
    }
    this.byId.set(job.id, job);
    await this.jobs.save(job);
    this.changed(job);
    this.want(job.id);
    return job;
  }

  async retry(id: string): Promise<OutboxJob> {
    const mine = await this.get(id);
    const holder = await jobHolder(this.jobs.dir, id);
    if (holder !== null) {
      // Not ours to reset: wait for the other sender and report how it ended.
      this.focus.add(id);
      this.holdFor(mine, holder);
      return mine;
    }
    const j = await this.refresh(id);
    if (j.state === 'done' || j.state === 'already-there') return j;
    if (j.state === 'cancelled') j.files = await this.stage(j);
    if (j.state !== 'running') {
      j.state = 'queued';
      j.attempts = 0;
      j.nextAttemptAt = null;
      await this.jobs.save(j);
      this.changed(j);
    }
    this.want(id);
    return j;
  }

  async cancel(id: string): Promise<OutboxJob> {
    await this.get(id);
    const holder = await jobHolder(this.jobs.dir, id);
    if (holder !== null)
      throw new ApiError(
        `Outbox job ${id} is ${heldElsewhereLabel(holder)}; cancel it there.`,
        'job-running',
      );
    const j = await this.refresh(id);
    if (TERMINAL.has(j.state) && j.state !== 'failed') return j;
    if (this.runner.running?.id === id)
      this.runner.running.controller.abort(new Error('cancelled'));
    j.state = 'cancelled';
    await this.jobs.save(j);
    await rm(this.staging(id), { recursive: true, force: true });
    this.changed(j);
    return j;
  }

  /** Resolves when the job is done, already there, failed or cancelled. */
  async wait(id: string): Promise<OutboxJob> {
    const j = await this.get(id);
    // Ended as we last saw it, but another process has taken it up again: wait for that.
    if (TERMINAL.has(j.state) && !this.heldElsewhere.has(id)) return j;
    return new Promise((res) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), res]));
  }

  /** Stop work (the running transfer is cut; the job resumes next start). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.runner.running?.controller.abort(new Error('closing'));
    while (this.loopBusy) await new Promise((r) => setTimeout(r, 20));
  }

  private want(id: string): void {
    this.focus.add(id);
    this.kick();
  }

  /**
   * The package's members unpacked for sending. A failure leaves no half staging behind,
   * and a full disk is said as such: it is not the package that is at fault.
   */
  private async stage(job: OutboxJob): Promise<OutboxJob['files']> {
    try {
      return await stagePackage(job.packagePath, this.staging(job.id));
    } catch (err) {
      await rm(this.staging(job.id), { recursive: true, force: true }).catch(() => undefined);
      const why = (err as Error).message;
      // This computer's disk, not the server's: said as any local full disk is.
      if (codeForErrno((err as NodeJS.ErrnoException).code) === 'disk-full')
        throw new ApiError(
          `No room to unpack ${job.packagePath} for sending in ${this.stagingRoot}: the disk is full (${why}).`,
          'disk-full',
          { path: this.stagingRoot },
        );
      throw new OutboxError(
        'package-unreadable',
        `The package ${job.packagePath} cannot be read safely: ${why}`,
      );
    }
  }

  private staging(id: string): string {
    return join(this.stagingRoot, id);
  }

  private eligible(j: OutboxJob): boolean {
    return this.autoRun || this.focus.has(j.id);
  }

  private kick(): void {
    if (this.loopBusy || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.loopBusy = true;
    void this.loop().finally(() => {
      this.loopBusy = false;
    });
  }

  private async loop(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const now = Date.now();
      const ready = [...this.byId.values()].filter(
        (j) =>
          this.eligible(j) &&
          !this.heldElsewhere.has(j.id) &&
          (j.state === 'queued' ||
            ((j.state === 'retrying' || j.state === 'waiting-offline') &&
              Date.parse(j.nextAttemptAt ?? '') <= now)),
      );
      const next = ready[0];
      if (!next) return this.scheduleWake();
      let lock;
      try {
        lock = await lockJob(this.jobs.dir, next.id);
      } catch (err) {
        // No lock file can be made (the data folder is full or read-only): the job stops
        // with the reason rather than being sent unguarded.
        await this.cannotLock(next, err);
        continue;
      }
      if ('heldBy' in lock) {
        this.holdFor(next, lock.heldBy);
        continue;
      }
      try {
        const job = await this.refresh(next.id);
        // Finished by another process between our load and our lock: nothing to send.
        if (TERMINAL.has(job.state)) this.changed(job);
        else await this.runner.runOne(job);
      } finally {
        await lock.release();
      }
    }
  }

  /**
   * The job as saved, when another process saved it after us (it ran the job while we
   * only had it listed); what that process left `running` was cut off, as its lock is gone.
   */
  private async refresh(id: string, heldElsewhere = false): Promise<OutboxJob> {
    const mine = this.byId.get(id)!;
    const saved = await this.jobs.read(id).catch(() => null);
    if (!saved || saved.updatedAt <= mine.updatedAt) return mine;
    if (saved.state === 'running' && !heldElsewhere) saved.state = 'queued';
    this.byId.set(id, saved);
    return saved;
  }

  private async cannotLock(job: OutboxJob, err: unknown): Promise<void> {
    // Not the server's fault, so none of the server's codes but the outbox's own.
    job.state = 'failed';
    job.lastError = {
      code: 'server-error',
      message: `Cannot lock the job in ${this.jobs.dir}: ${(err as Error)?.message ?? String(err)}`,
    };
    await this.jobs.save(job).catch(() => undefined);
    this.changed(job);
  }

  private holdFor(job: OutboxJob, pid: number): void {
    this.heldElsewhere.set(job.id, pid);
    this.emitProgress(job, heldElsewhereLabel(pid));
    if (this.watching.has(job.id)) return;
    this.watching.add(job.id);
    void this.watchHolder(job.id)
      .catch(() => undefined)
      .finally(() => {
        // Whatever happened, the job is not left marked as someone else's for good.
        this.watching.delete(job.id);
        this.heldElsewhere.delete(job.id);
      });
  }

  /** Until the other process lets the job go; then its outcome is ours to report, or the job ours to run. */
  private async watchHolder(id: string): Promise<void> {
    for (;;) {
      const pid = this.closed ? null : await jobHolder(this.jobs.dir, id);
      if (pid === null) break;
      // Its progress, as the other process saves it, with who is sending.
      this.heldElsewhere.set(id, pid);
      this.emitProgress(await this.refresh(id, true), heldElsewhereLabel(pid));
      await new Promise((r) => setTimeout(r, HOLDER_POLL_MS));
    }
    this.heldElsewhere.delete(id);
    if (this.closed) return;
    const job = await this.refresh(id);
    if (TERMINAL.has(job.state)) this.changed(job);
    else this.kick();
  }

  private scheduleWake(): void {
    const times = [...this.byId.values()]
      .filter((j) => this.eligible(j) && (j.state === 'retrying' || j.state === 'waiting-offline'))
      .map((j) => Date.parse(j.nextAttemptAt ?? ''))
      .filter((t) => !Number.isNaN(t));
    if (!times.length || this.closed) return;
    const delay = Math.max(0, Math.min(...times) - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, delay);
  }

  private lastEmit = 0;
  private progress(job: OutboxJob, d: Destination): void {
    if (Date.now() - this.lastEmit < 250) return;
    this.lastEmit = Date.now();
    const v = this.view(job);
    const speed = `${(v.bytesPerSecond / 1024 / 1024).toFixed(2)} MB/s`;
    const eta = v.etaSeconds === null ? '' : ` · ${v.etaSeconds}s left`;
    this.emitProgress(job, `${job.packageName} → ${d.name} · ${speed}${eta}`);
  }

  private emitProgress(job: OutboxJob, label: string): void {
    this.emit({
      type: 'progress',
      job: `outbox:${job.id}`,
      folder: '',
      done: job.bytesDone,
      total: job.bytesTotal,
      label,
    });
  }

  private changed(job: OutboxJob): void {
    this.emitProgress(job, job.state);
    if (TERMINAL.has(job.state)) {
      const ws = this.waiters.get(job.id) ?? [];
      this.waiters.delete(job.id);
      ws.forEach((w) => w(job));
    }
  }
}
