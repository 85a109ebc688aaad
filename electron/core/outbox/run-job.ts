import { createReadStream } from 'node:fs';
import { join, posix } from 'node:path';
import { Readable } from 'node:stream';
import { OutboxError } from './errors';
import { READY_MARKER } from './stage-package';
import { Meter } from './throttle';
import type { Transport } from './transports/transport';
import type { JobFile, OutboxJob } from './types';

export interface RunHooks {
  signal: AbortSignal;
  bytesPerSecond: number | null;
  /** Bytes put on the wire just now. */
  onBytes(n: number): void;
  /** A file (re)starts at `offset`: what the server already holds is kept. */
  onFileStart(file: JobFile, offset: number): Promise<void>;
  onFileDone(file: JobFile): Promise<void>;
}

interface ReadyMarker {
  package: string;
  sha256: string;
  files: { name: string; bytes: number; sha256: string }[];
}

export function remotePackageDir(remoteDir: string, job: OutboxJob): string {
  return posix.join(remoteDir, job.packageName);
}

/** The READY marker of this exact package (same sha256) is on the server. */
export async function isAlreadyThere(t: Transport, dir: string, sha256: string): Promise<boolean> {
  const marker = posix.join(dir, READY_MARKER);
  if ((await t.size(marker)) === null) return false;
  try {
    return (JSON.parse((await t.read(marker)).toString('utf8')) as ReadyMarker).sha256 === sha256;
  } catch {
    return false;
  }
}

/**
 * Send one package: each member to `name.part` from the offset the server already
 * has, verified, renamed; the READY marker last. Returns 'already-there' when the
 * server holds this package's marker already.
 */
export async function runJob(
  job: OutboxJob,
  stagingDir: string,
  remoteDir: string,
  t: Transport,
  hooks: RunHooks,
): Promise<'done' | 'already-there'> {
  const dir = remotePackageDir(remoteDir, job);
  await t.mkdirp(dir);
  if (await isAlreadyThere(t, dir, job.sha256)) return 'already-there';
  // A different version of this package was published: withdraw its marker first,
  // so the desk never ingests a mix of old and new files.
  await t.remove(posix.join(dir, READY_MARKER));
  const made = new Set<string>([dir]);
  for (const file of job.files) {
    if (hooks.signal.aborted) throw hooks.signal.reason as Error;
    if (file.done) continue;
    const remote = posix.join(dir, file.name);
    const parent = posix.dirname(remote);
    if (!made.has(parent)) {
      await t.mkdirp(parent);
      made.add(parent);
    }
    await sendFile(t, join(stagingDir, file.name), remote, file, hooks);
    await hooks.onFileDone(file);
  }
  const marker: ReadyMarker = {
    package: job.packageName,
    sha256: job.sha256,
    files: job.files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })),
  };
  const ready = posix.join(dir, READY_MARKER);
  await t.write(`${ready}.part`, 0, Readable.from([Buffer.from(JSON.stringify(marker) + '\n')]));
  await t.rename(`${ready}.part`, ready);
  return 'done';
}

async function sendFile(
  t: Transport,
  local: string,
  remote: string,
  file: JobFile,
  hooks: RunHooks,
): Promise<void> {
  const part = `${remote}.part`;
  let offset = (await t.size(part)) ?? 0;
  if (offset > file.bytes) {
    await t.remove(part);
    offset = 0;
  }
  await hooks.onFileStart(file, offset);
  if (offset < file.bytes || file.bytes === 0) {
    const source = createReadStream(local, { start: offset });
    const meter = new Meter(hooks.bytesPerSecond, hooks.onBytes);
    const abort = () => meter.destroy(hooks.signal.reason as Error);
    hooks.signal.addEventListener('abort', abort, { once: true });
    source.on('error', (err) => meter.destroy(err));
    source.pipe(meter);
    try {
      await t.write(part, offset, meter);
    } finally {
      hooks.signal.removeEventListener('abort', abort);
      source.destroy();
    }
  }
  const size = await t.size(part);
  if (size !== file.bytes)
    throw new OutboxError(
      'verify-failed',
      `${file.name}: the server holds ${size ?? 0} of ${file.bytes} bytes; sending the rest.`,
    );
  if (t.hash && (await t.hash(part)) !== file.sha256) {
    await t.remove(part);
    throw new OutboxError(
      'verify-failed',
      `${file.name} arrived damaged (checksum differs); sending it again.`,
    );
  }
  await t.rename(part, remote);
}
