import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ApiEvent } from '../../contract/api';
import { DestinationStore } from './destination-store';
import { OutboxError, classify, needsUser } from './errors';
import { JobStore } from './job-store';
import { judgeFingerprint } from './host-key';
import { SentLog } from './sent-log';
import { backoffMs, hasNetwork, isLoopbackHost } from './online';
import { runJob } from './run-job';
import { passphraseKey, passwordKey, type SecretStore } from './secret-store';
import { packageNameOf, sha256File, stagePackage } from './stage-package';
import { connect } from './transports/connect';
import { SpeedMeter } from './speed';
import { TERMINAL, type Destination, type OutboxJob } from './types';

export interface OutboxOptions {
  /** Whether the machine has a network; loopback and file:// destinations never wait for it. */
  isOnline?: () => boolean | Promise<boolean>;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Failed attempts (network trouble) before a job stops and asks the user. */
  maxAttempts?: number;
  offlinePollMs?: number;
}

export interface JobView extends OutboxJob {
  bytesPerSecond: number;
  etaSeconds: number | null;
}

/**
 * The queue: jobs persisted one file each, run one at a time (a reporter's uplink is
 * the bottleneck; two uploads would only slow both), retried with backoff, resumed
 * after a quit or crash. `autoRun` false (the CLI) runs only the jobs it was asked to.
 */
export class Outbox {
  readonly destinations: DestinationStore;
  private readonly jobs: JobStore;
  private readonly sent: SentLog;
  private readonly stagingRoot: string;
  private byId = new Map<string, OutboxJob>();
  private loaded: Promise<void> | null = null;
  private loopBusy = false;
  private running: { id: string; controller: AbortController; speed: SpeedMeter } | null = null;
  private readonly focus = new Set<string>();
  private readonly waiters = new Map<string, ((j: OutboxJob) => void)[]>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    dir: string,
    private readonly secrets: SecretStore,
    private readonly emit: (e: ApiEvent) => void,
    private readonly autoRun: boolean,
    private readonly opts: OutboxOptions = {},
  ) {
    this.destinations = new DestinationStore(dir);
    this.jobs = new JobStore(join(dir, 'jobs'));
    this.sent = new SentLog(join(dir, 'sent.json'));
    this.stagingRoot = join(dir, 'staging');
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
    const live = this.running?.id === j.id ? this.running.speed : null;
    const bps = live?.bytesPerSecond() ?? 0;
    return {
      ...j,
      files: j.files.map((f) => ({ ...f })),
      bytesPerSecond: bps,
      etaSeconds: bps > 0 ? Math.ceil((j.bytesTotal - j.bytesDone) / bps) : null,
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
      try {
        job.files = await stagePackage(path, this.staging(job.id));
      } catch (err) {
        throw new OutboxError(
          'package-unreadable',
          `The package ${path} cannot be read safely: ${(err as Error).message}`,
        );
      }
      job.bytesTotal = job.files.reduce((n, f) => n + f.bytes, 0);
    }
    this.byId.set(job.id, job);
    await this.jobs.save(job);
    this.changed(job);
    this.want(job.id);
    return job;
  }

  async retry(id: string): Promise<OutboxJob> {
    const j = await this.get(id);
    if (j.state === 'done' || j.state === 'already-there') return j;
    if (j.state === 'cancelled') j.files = await stagePackage(j.packagePath, this.staging(j.id));
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
    const j = await this.get(id);
    if (TERMINAL.has(j.state) && j.state !== 'failed') return j;
    if (this.running?.id === id) this.running.controller.abort(new Error('cancelled'));
    j.state = 'cancelled';
    await this.jobs.save(j);
    await rm(this.staging(id), { recursive: true, force: true });
    this.changed(j);
    return j;
  }

  /** Resolves when the job is done, already there, failed or cancelled. */
  async wait(id: string): Promise<OutboxJob> {
    const j = await this.get(id);
    if (TERMINAL.has(j.state)) return j;
    return new Promise((res) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), res]));
  }

  /** Stop work (the running transfer is cut; the job resumes next start). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.running?.controller.abort(new Error('closing'));
    while (this.loopBusy) await new Promise((r) => setTimeout(r, 20));
  }

  private want(id: string): void {
    this.focus.add(id);
    this.kick();
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
          (j.state === 'queued' ||
            ((j.state === 'retrying' || j.state === 'waiting-offline') &&
              Date.parse(j.nextAttemptAt ?? '') <= now)),
      );
      const next = ready[0];
      if (!next) return this.scheduleWake();
      await this.runOne(next);
    }
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

  private async online(d: Destination): Promise<boolean> {
    if (d.kind === 'file' || isLoopbackHost(d.host)) return true;
    return (await (this.opts.isOnline ?? hasNetwork)()) !== false;
  }

  private async runOne(job: OutboxJob): Promise<void> {
    const d = await this.destinations.get(job.destinationId);
    if (!d) {
      return this.finish(job, 'failed', {
        code: 'server-error',
        message: 'The destination of this job was deleted.',
      });
    }
    if (!(await this.online(d))) return this.waitOffline(job);
    const controller = new AbortController();
    const speed = new SpeedMeter();
    this.running = { id: job.id, controller, speed };
    job.state = 'running';
    job.attempts++;
    job.lastError = null;
    await this.jobs.save(job);
    this.changed(job);
    let pinned: string | null = null;
    let fileBase = 0;
    let lastSave = Date.now();
    try {
      const transport = await connect({
        destination: d,
        password: await this.secretFor(passwordKey(d.id)),
        passphrase: await this.secretFor(passphraseKey(d.id)),
        checkFingerprint: (fp) => {
          pinned = judgeFingerprint(d, fp);
        },
      });
      try {
        if (pinned) await this.destinations.put({ ...d, fingerprint: pinned });
        const result = await runJob(job, this.staging(job.id), d.remoteDir, transport, {
          signal: controller.signal,
          bytesPerSecond: d.limitKBps ? d.limitKBps * 1024 : null,
          onBytes: (n) => {
            job.bytesSent += n;
            job.bytesDone += n;
            speed.add(n);
            if (Date.now() - lastSave > 2000) {
              lastSave = Date.now();
              void this.jobs.save(job);
            }
            this.progress(job, d);
          },
          onFileStart: async (file, offset) => {
            fileBase = job.files.filter((f) => f.done).reduce((n, f) => n + f.bytes, 0);
            job.bytesDone = fileBase + offset;
            if (offset > 0) job.resumes.push({ file: file.name, offset });
            await this.jobs.save(job);
          },
          onFileDone: async (file) => {
            file.done = true;
            job.bytesDone = fileBase + file.bytes;
            await this.jobs.save(job);
          },
        });
        await this.sent.add(job);
        await this.finish(job, result);
      } finally {
        await transport.close().catch(() => undefined);
      }
    } catch (err) {
      await this.failed(job, d, err, controller.signal);
    } finally {
      this.running = null;
    }
  }

  private async failed(
    job: OutboxJob,
    d: Destination,
    err: unknown,
    signal: AbortSignal,
  ): Promise<void> {
    if (signal.aborted) {
      // Cancelled (state already set) or closing (resumes next start).
      if (job.state === 'running') {
        job.state = 'queued';
        await this.jobs.save(job);
      }
      return;
    }
    const problem = classify(err, `The server ${d.host || d.remoteDir}`).toProblem();
    job.lastError = problem;
    if (needsUser(problem.code)) return this.finish(job, 'failed', problem);
    if (!(await this.online(d))) {
      job.attempts--;
      return this.waitOffline(job);
    }
    if (job.attempts >= (this.opts.maxAttempts ?? 8)) return this.finish(job, 'failed', problem);
    const delay = backoffMs(
      job.attempts,
      this.opts.retryBaseMs ?? 2000,
      this.opts.retryMaxMs ?? 300_000,
    );
    job.state = 'retrying';
    job.nextAttemptAt = new Date(Date.now() + delay).toISOString();
    await this.jobs.save(job);
    this.changed(job);
  }

  private async waitOffline(job: OutboxJob): Promise<void> {
    job.state = 'waiting-offline';
    job.nextAttemptAt = new Date(Date.now() + (this.opts.offlinePollMs ?? 5000)).toISOString();
    await this.jobs.save(job);
    this.changed(job);
  }

  private async finish(
    job: OutboxJob,
    state: 'done' | 'already-there' | 'failed',
    problem: OutboxJob['lastError'] = null,
  ): Promise<void> {
    job.state = state;
    job.lastError = problem;
    job.nextAttemptAt = null;
    if (state !== 'failed') {
      job.bytesDone = job.bytesTotal;
      await rm(this.staging(job.id), { recursive: true, force: true });
    }
    await this.jobs.save(job);
    this.changed(job);
  }

  private async secretFor(key: string): Promise<string | null> {
    return this.secrets.get(key);
  }

  private lastEmit = 0;
  private progress(job: OutboxJob, d: Destination): void {
    if (Date.now() - this.lastEmit < 250) return;
    this.lastEmit = Date.now();
    const v = this.view(job);
    const speed = `${(v.bytesPerSecond / 1024 / 1024).toFixed(2)} MB/s`;
    const eta = v.etaSeconds === null ? '' : ` · ${v.etaSeconds}s left`;
    this.emit({
      type: 'progress',
      job: `outbox:${job.id}`,
      folder: '',
      done: job.bytesDone,
      total: job.bytesTotal,
      label: `${job.packageName} → ${d.name} · ${speed}${eta}`,
    });
  }

  private changed(job: OutboxJob): void {
    this.emit({
      type: 'progress',
      job: `outbox:${job.id}`,
      folder: '',
      done: job.bytesDone,
      total: job.bytesTotal,
      label: job.state,
    });
    if (TERMINAL.has(job.state)) {
      const ws = this.waiters.get(job.id) ?? [];
      this.waiters.delete(job.id);
      ws.forEach((w) => w(job));
    }
  }
}
