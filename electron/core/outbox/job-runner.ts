import { rm } from 'node:fs/promises';
import type { DestinationStore } from './destination-store';
import { classify, needsUser } from './errors';
import { judgeFingerprint } from './host-key';
import type { JobStore } from './job-store';
import { backoffMs, hasNetwork, isLoopbackHost } from './online';
import { isWordPress, wordPressSite } from './destination-url';
import { OutboxError } from './errors';
import { runJob, type RunHooks } from './run-job';
import { passphraseKey, passwordKey, type SecretStore } from './secret-store';
import type { SentLog } from './sent-log';
import { SpeedMeter } from './speed';
import { connect } from './transports/connect';
import type { Destination, OutboxJob } from './types';
import { WpSite } from './wordpress/wp-api';
import type { WpPostMap } from './wordpress/wp-post-map';
import { sendToWordPress } from './wordpress/wp-publish';

const NAMES_FILE: ReadonlySet<string> = new Set([
  'disk-full',
  'permission-denied',
  'connection-lost',
  'timeout',
]);

export interface OutboxOptions {
  /** Whether the machine has a network; loopback and file:// destinations never wait for it. */
  isOnline?: () => boolean | Promise<boolean>;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Failed attempts (network trouble) before a job stops and asks the user. */
  maxAttempts?: number;
  offlinePollMs?: number;
}

export interface JobRunnerDeps {
  destinations: DestinationStore;
  jobs: JobStore;
  sent: SentLog;
  /** Which WordPress post each package became. */
  wpPosts: WpPostMap;
  secrets: SecretStore;
  opts: OutboxOptions;
  /** Where a job's files wait, staged from its package. */
  staging: (id: string) => string;
  /** The job's state changed (and was saved). */
  changed: (job: OutboxJob) => void;
  /** Bytes went out. */
  progress: (job: OutboxJob, d: Destination) => void;
}

/** The transfer under way, which can be cut (cancel, close) and shows its speed. */
export interface RunningJob {
  id: string;
  controller: AbortController;
  speed: SpeedMeter;
}

/**
 * One attempt at sending a job, and what comes of it: done, waiting for the network,
 * retried with backoff, or stopped for the user (a wrong password, a changed host key,
 * too many attempts). Every state is saved before it is announced.
 */
export class JobRunner {
  running: RunningJob | null = null;

  constructor(private readonly deps: JobRunnerDeps) {}

  async runOne(job: OutboxJob): Promise<void> {
    const { destinations, jobs } = this.deps;
    const d = await destinations.get(job.destinationId);
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
    await jobs.save(job);
    this.deps.changed(job);
    let fileBase = 0;
    let lastSave = Date.now();
    let sending: string | null = null;
    const hooks: RunHooks = {
      signal: controller.signal,
      bytesPerSecond: d.limitKBps ? d.limitKBps * 1024 : null,
      onBytes: (n) => {
        job.bytesSent += n;
        job.bytesDone += n;
        speed.add(n);
        if (Date.now() - lastSave > 2000) {
          lastSave = Date.now();
          void jobs.save(job);
        }
        this.deps.progress(job, d);
      },
      onFileStart: async (file, offset) => {
        sending = file.name;
        fileBase = job.files.filter((f) => f.done).reduce((n, f) => n + f.bytes, 0);
        job.bytesDone = fileBase + offset;
        if (offset > 0) job.resumes.push({ file: file.name, offset });
        await jobs.save(job);
      },
      onFileDone: async (file) => {
        file.done = true;
        job.bytesDone = fileBase + file.bytes;
        await jobs.save(job);
      },
    };
    try {
      const result = isWordPress(d.kind)
        ? await this.sendToWordPress(job, d, hooks)
        : await this.sendFiles(job, d, hooks);
      await this.deps.sent.add(job);
      await this.finish(job, result);
    } catch (err) {
      await this.failed(job, d, err, controller.signal, sending);
    } finally {
      this.running = null;
    }
  }

  private async sendFiles(
    job: OutboxJob,
    d: Destination,
    hooks: RunHooks,
  ): Promise<'done' | 'already-there'> {
    let pinned: string | null = null;
    const transport = await connect({
      destination: d,
      password: await this.secretFor(passwordKey(d.id)),
      passphrase: await this.secretFor(passphraseKey(d.id)),
      checkFingerprint: (fp) => {
        pinned = judgeFingerprint(d, fp);
      },
    });
    try {
      if (pinned) await this.deps.destinations.put({ ...d, fingerprint: pinned });
      return await runJob(job, this.deps.staging(job.id), d.remoteDir, transport, hooks);
    } finally {
      await transport.close().catch(() => undefined);
    }
  }

  private async sendToWordPress(job: OutboxJob, d: Destination, hooks: RunHooks): Promise<'done'> {
    const password = await this.secretFor(passwordKey(d.id));
    if (!password)
      throw new OutboxError(
        'missing-secret',
        `No Application Password is saved for ${d.user} on ${wordPressSite(d)}.`,
      );
    const site = new WpSite({
      site: wordPressSite(d),
      user: d.user,
      password,
      signal: hooks.signal,
    });
    return sendToWordPress({
      job,
      stagingDir: this.deps.staging(job.id),
      site,
      user: d.user,
      posts: this.deps.wpPosts,
      hooks,
    });
  }

  private async online(d: Destination): Promise<boolean> {
    if (d.kind === 'file' || isLoopbackHost(d.host)) return true;
    return (await (this.deps.opts.isOnline ?? hasNetwork)()) !== false;
  }

  private async failed(
    job: OutboxJob,
    d: Destination,
    err: unknown,
    signal: AbortSignal,
    sending: string | null,
  ): Promise<void> {
    const { jobs, opts } = this.deps;
    if (signal.aborted) {
      // Cancelled (state already set) or closing (resumes next start).
      if (job.state === 'running') {
        job.state = 'queued';
        await jobs.save(job);
      }
      return;
    }
    const where = d.kind === 'file' ? `The folder ${d.remoteDir}` : `The server ${d.host}`;
    const problem = classify(err, where).toProblem();
    // Which file it was at, for the failures that happen to one file.
    if (sending && NAMES_FILE.has(problem.code))
      problem.message += ` (sending ${job.packageName}/${sending})`;
    job.lastError = problem;
    if (needsUser(problem.code)) return this.finish(job, 'failed', problem);
    if (!(await this.online(d))) {
      job.attempts--;
      return this.waitOffline(job);
    }
    if (job.attempts >= (opts.maxAttempts ?? 8)) return this.finish(job, 'failed', problem);
    const delay = backoffMs(job.attempts, opts.retryBaseMs ?? 2000, opts.retryMaxMs ?? 300_000);
    job.state = 'retrying';
    job.nextAttemptAt = new Date(Date.now() + delay).toISOString();
    await jobs.save(job);
    this.deps.changed(job);
  }

  private async waitOffline(job: OutboxJob): Promise<void> {
    job.state = 'waiting-offline';
    job.nextAttemptAt = new Date(Date.now() + (this.deps.opts.offlinePollMs ?? 5000)).toISOString();
    await this.deps.jobs.save(job);
    this.deps.changed(job);
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
      await rm(this.deps.staging(job.id), { recursive: true, force: true });
    }
    await this.deps.jobs.save(job);
    this.deps.changed(job);
  }

  private async secretFor(key: string): Promise<string | null> {
    return this.deps.secrets.get(key);
  }
}
