import { join } from 'node:path';
import { ApiError, type Api } from '../../contract/api';
import type { DestinationView, outboxContract } from '../../contract/outbox';
import { withEnvPassword } from '../outbox/env-secrets';
import {
  destinationIdFor,
  destinationUrl,
  parseDestinationUrl,
  DestinationUrlError,
} from '../outbox/destination-url';
import { OutboxError } from '../outbox/errors';
import { Outbox } from '../outbox/outbox';
import { MemorySecretStore, passphraseKey, passwordKey } from '../outbox/secret-store';
import { TERMINAL, type Destination, type JobState } from '../outbox/types';
import type { CoreContext } from './core-context';

export function outboxApi(ctx: CoreContext): Pick<Api, keyof typeof outboxContract> {
  const secrets = ctx.opts.secrets ?? withEnvPassword(new MemorySecretStore(), process.env);
  // The desktop app and browser mode resume interrupted jobs at start; a CLI run only
  // works on the jobs it was asked about, and exits when they are finished.
  const autoRun = ctx.opts.mode !== 'cli';
  const outbox: Outbox = new Outbox(
    join(ctx.opts.dataDir, 'outbox'),
    secrets,
    // A job reaching an end says so in a progress event with its state as the label.
    (event) => {
      ctx.emit(event);
      if (event.type === 'progress' && event.job.startsWith('outbox:'))
        if (TERMINAL.has(event.label as JobState)) logOutcome(event.job.slice('outbox:'.length));
    },
    autoRun,
    ctx.opts.outbox,
  );
  const logOutcome = (id: string) =>
    void outbox
      .get(id)
      .then((j) =>
        ctx.log[j.state === 'failed' ? 'error' : 'info'](`outbox-job-${j.state}`, {
          id: j.id,
          package: j.packagePath,
          destination: j.destinationId,
          bytes: j.bytesDone,
          attempts: j.attempts,
          ...(j.remoteUrl ? { remoteUrl: j.remoteUrl } : {}),
          ...(j.lastError ? { error: j.lastError } : {}),
        }),
      )
      .catch((error: unknown) => ctx.log.error('outbox-job-unknown', { id, error }));
  if (autoRun) void outbox.load().catch(() => undefined);
  ctx.onClose(() => outbox.close());

  const view = async (d: Destination): Promise<DestinationView> => ({
    ...d,
    url: destinationUrl(d),
    hasPassword: (await secrets.get(passwordKey(d.id))) !== null,
  });
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof DestinationUrlError)
        throw new ApiError(err.message, 'destination-invalid');
      if (err instanceof OutboxError)
        throw new ApiError(err.message, 'outbox-failed', { reason: err.code });
      throw err;
    }
  };
  const requireDestination = async (id: string) => {
    const d = await outbox.destinations.get(id);
    if (!d) throw new ApiError(`No saved destination ${id}`, 'destination-not-found', { id });
    return d;
  };
  const requireJob = async (id: string) => {
    if (!(await outbox.list()).some((j) => j.id === id))
      throw new ApiError(`No outbox job ${id}`, 'outbox-job-not-found', { id });
  };

  return {
    listDestinations: () =>
      guard(async () => Promise.all((await outbox.destinations.list()).map(view))),
    saveDestination: (a) =>
      guard(async () => {
        const parsed = parseDestinationUrl(a.url);
        const id = a.id ?? destinationIdFor(a.url);
        const old = await outbox.destinations.get(id);
        const hostChanged = old && (old.host !== parsed.host || old.port !== parsed.port);
        const d: Destination = {
          id,
          name:
            a.name ??
            old?.name ??
            (parsed.kind === 'file' ? parsed.remoteDir : `${parsed.user}@${parsed.host}`),
          ...parsed,
          identityFile: a.identityFile !== undefined ? a.identityFile : (old?.identityFile ?? null),
          // A new server address means a new key to check; a given fingerprint pins it.
          fingerprint:
            a.fingerprint !== undefined
              ? a.fingerprint
              : hostChanged
                ? null
                : (old?.fingerprint ?? null),
          trustNewHostKey: a.trustNewHostKey ?? old?.trustNewHostKey ?? false,
          limitKBps: a.limitKBps !== undefined ? a.limitKBps : (old?.limitKBps ?? null),
        };
        await outbox.destinations.put(d);
        if (a.password !== undefined) await secrets.set(passwordKey(id), a.password);
        if (a.passphrase !== undefined) await secrets.set(passphraseKey(id), a.passphrase);
        return view(d);
      }),
    deleteDestination: ({ id }) =>
      guard(async () => {
        await secrets.delete(passwordKey(id));
        await secrets.delete(passphraseKey(id));
        return { deleted: await outbox.destinations.remove(id) };
      }),
    acceptHostKey: ({ destination, fingerprint }) =>
      guard(async () => {
        const d = { ...(await requireDestination(destination)), fingerprint };
        await outbox.destinations.put(d);
        return view(d);
      }),
    outboxList: () => guard(() => outbox.list()),
    outboxEnqueue: ({ packagePath, destination, wait }) =>
      guard(async () => {
        await requireDestination(destination);
        const job = await outbox.enqueue(packagePath, destination);
        return outbox.view(wait ? await outbox.wait(job.id) : job);
      }),
    outboxRetry: ({ id, wait }) =>
      guard(async () => {
        await requireJob(id);
        const job = await outbox.retry(id);
        return outbox.view(wait ? await outbox.wait(job.id) : job);
      }),
    outboxCancel: ({ id }) =>
      guard(async () => {
        await requireJob(id);
        return outbox.view(await outbox.cancel(id));
      }),
  };
}
