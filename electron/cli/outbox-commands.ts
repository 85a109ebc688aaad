import type { ApiEvent, ArgsOf, ClientApi, ResultOf } from '../contract/api';
import { HELD_ELSEWHERE } from '../core/outbox/job-lock';
import type { OutboxJobView } from '../contract/outbox';
import type { Command } from './commands';
import { UsageError } from './parse-args';
import { promptSecret } from './prompt-secret';
import { define, flag } from './command-kit';

/**
 * `upload` and `outbox …`: the outbox from a terminal. The password comes from
 * CAPTIONDESK_PASSWORD or a prompt on a TTY, never from a flag (ps, shell history).
 */

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function jobLine(j: OutboxJobView): string {
  const pct = j.bytesTotal ? Math.floor((j.bytesDone / j.bytesTotal) * 100) : 100;
  const rate = j.bytesPerSecond ? ` ${mb(j.bytesPerSecond)}/s` : '';
  const eta = j.etaSeconds !== null ? ` ETA ${j.etaSeconds}s` : '';
  const err = j.lastError ? `  ${j.lastError.code}: ${j.lastError.message}` : '';
  return `${j.id}\t${j.state}\t${pct}% of ${mb(j.bytesTotal)}${rate}${eta}\t${j.packageName} → ${j.destinationId}${err}`;
}

/** Redraws the running job's line on a terminal; silent when stderr is a pipe or file. */
function showProgress(api: ClientApi): void {
  if (!process.stderr.isTTY) return;
  const timer = setInterval(() => {
    void api.outboxList({}).then((jobs) => {
      const j = jobs.find((x) => x.state === 'running' || x.state === 'retrying');
      if (j) process.stderr.write(`\r\x1b[K${jobLine(j)}`);
    });
  }, 500);
  // The CLI exits when its work is done; the redraw must not keep it alive.
  timer.unref();
}

function failuresOf(j: OutboxJobView): string[] {
  if (j.state === 'failed' || j.state === 'cancelled')
    return [j.lastError ? `${j.lastError.code}: ${j.lastError.message}` : `job ${j.id} ${j.state}`];
  return [];
}

let acted: { id: string; job?: OutboxJobView; heldBy?: number } | null = null;

/** Says once that another CaptionDesk is sending the job this run waits for. */
function noticeHolder(e: ApiEvent): void {
  if (e.type !== 'progress' || !acted || e.job !== `outbox:${acted.id}`) return;
  const pid = HELD_ELSEWHERE.exec(e.label ?? '')?.[1];
  if (!pid || acted.heldBy === Number(pid)) return;
  acted.heldBy = Number(pid);
  process.stderr.write(
    `captiondesk: job ${acted.id} is being sent by another CaptionDesk (pid ${pid}); waiting for it to finish\n`,
  );
}

export const outboxCommands: Command[] = [
  define({
    name: 'upload',
    positionals: '<package.zip>',
    summary:
      'Send a package to sftp://user@host:port/dir, ftp://…, ftps://…, file:///dir, or a WordPress site as a draft: wordpress+https://user@site/ (password, or for WordPress an Application Password: CAPTIONDESK_PASSWORD or prompt).',
    method: 'outboxEnqueue',
    options: {
      to: { type: 'string', value: '<url>', required: true },
      identity: { type: 'string', value: '<keyfile>' },
      'host-key': { type: 'string', value: 'SHA256:…' },
      'trust-new-host-key': { type: 'boolean' },
      limit: { type: 'string', value: '<KiB/s>' },
      password: {
        type: 'string',
        refused: 'no --password flag: set CAPTIONDESK_PASSWORD or answer the prompt',
      },
    },
    args: (a) => {
      const packagePath = a.positionals[0];
      if (!packagePath) throw new UsageError('missing <package.zip>');
      return { packagePath, destination: '', wait: true };
    },
    async before(api, args, a) {
      const url = flag(a, 'to')!;
      const identityFile = flag(a, 'identity');
      const limit = flag(a, 'limit');
      const needsPassword =
        !url.startsWith('file:') && !identityFile && process.env.CAPTIONDESK_PASSWORD === undefined;
      let password: string | undefined;
      if (needsPassword) {
        if (!process.stdin.isTTY)
          throw new UsageError('set CAPTIONDESK_PASSWORD (no terminal to ask for the password)');
        const what = url.startsWith('wordpress+') ? 'Application Password' : 'Password';
        password = await promptSecret(`${what} for ${url.replace(/\/[^/]*$/, '')}: `);
      }
      const d = await api.saveDestination({
        url,
        ...(identityFile ? { identityFile } : {}),
        ...(flag(a, 'host-key') ? { fingerprint: flag(a, 'host-key')! } : {}),
        ...(a.flags.has('trust-new-host-key') ? { trustNewHostKey: true } : {}),
        ...(limit ? { limitKBps: Number(limit) } : {}),
        ...(password !== undefined ? { password } : {}),
      });
      (args as { destination: string }).destination = d.id;
      showProgress(api);
    },
    print: (j) => {
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      if (j.state === 'already-there') return `already there: ${j.packageName} (not sent again)`;
      if (j.state === 'done' && j.remoteUrl)
        return `sent ${j.packageName}: ${j.files.length} files, ${j.bytesTotal} bytes; the draft is at ${j.remoteUrl}`;
      if (j.state === 'done')
        return `sent ${j.packageName}: ${j.files.length} files, ${j.bytesTotal} bytes (${j.bytesSent} on the wire${j.resumes.length ? `, resumed at ${j.resumes.map((r) => `${r.file}@${r.offset}`).join(', ')}` : ''})`;
      return jobLine(j);
    },
    failures: failuresOf,
  }),
  define({
    name: 'outbox',
    positionals: 'list | retry <id> | cancel <id>',
    summary: 'The outbox: list jobs, retry a failed one (waits for it), cancel one.',
    method: 'outboxList',
    options: { json: { type: 'boolean' } },
    onEvent: noticeHolder,
    args: (a) => {
      const sub = a.positionals[0] ?? 'list';
      if (!['list', 'retry', 'cancel'].includes(sub))
        throw new UsageError('use "outbox list", "outbox retry <id>" or "outbox cancel <id>"');
      acted = null;
      if (sub !== 'list') {
        const id = a.positionals[1];
        if (!id) throw new UsageError(`missing <id> for outbox ${sub}`);
        acted = { id };
      }
      return {};
    },
    async before(api: ClientApi, _args: ArgsOf<'outboxList'>, a) {
      if (!acted) return;
      if (a.positionals[0] === 'retry') {
        showProgress(api);
        acted.job = await api.outboxRetry({ id: acted.id, wait: true });
      } else acted.job = await api.outboxCancel({ id: acted.id });
    },
    print: (jobs: ResultOf<'outboxList'>, a) => {
      if (process.stderr.isTTY && acted) process.stderr.write('\r\x1b[K');
      const shown = acted ? jobs.filter((j) => j.id === acted!.id) : jobs;
      if (a.flags.has('json')) return JSON.stringify(shown, null, 2);
      if (acted?.heldBy && acted.job)
        process.stderr.write(
          `captiondesk: job ${acted.id}: ${acted.job.state} (another CaptionDesk, pid ${acted.heldBy}, was sending it)\n`,
        );
      return shown.length ? shown.map(jobLine).join('\n') : acted ? '' : 'the outbox is empty';
    },
    failures: () => (acted?.job ? failuresOf(acted.job) : []),
  }),
];
