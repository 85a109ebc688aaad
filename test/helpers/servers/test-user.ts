import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const TEST_USER = 'cdtest';

/** Shared by every test file of a run (they run in parallel workers): one password. */
const SECRET = join(tmpdir(), 'captiondesk-cdtest.secret');

/**
 * The local account both servers log in as. It is created if missing and given a
 * random password once, kept root-only in the temp dir for the parallel test files.
 */
export async function ensureTestUser(): Promise<{
  user: string;
  password: string;
  uid: number;
  gid: number;
}> {
  if (process.getuid?.() !== 0) throw new Error('creating the test user needs root');
  const lock = `${SECRET}.lock`;
  for (let i = 0; ; i++) {
    const known = await readFile(SECRET, 'utf8').catch(() => null);
    if (known !== null && (await userExists())) return { ...(await ids()), password: known.trim() };
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      // Another worker is creating it; a lock older than 20 s is from a crashed run.
      const age =
        Date.now() -
        (await stat(lock).then(
          (s) => s.mtimeMs,
          () => Date.now(),
        ));
      if (age > 20_000) await rm(lock, { force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    if (!(await userExists()))
      await run('useradd', ['--create-home', '--shell', '/bin/bash', TEST_USER]);
    // Letters and digits only: chpasswd reads "user:password" lines.
    const password = randomBytes(12).toString('hex');
    const chpasswd = run('chpasswd', []);
    chpasswd.child.stdin?.end(`${TEST_USER}:${password}\n`);
    await chpasswd;
    await writeFile(`${SECRET}.tmp`, password, { mode: 0o600 });
    await rename(`${SECRET}.tmp`, SECRET);
    return { ...(await ids()), password };
  } finally {
    await rm(lock, { force: true });
  }
}

async function userExists(): Promise<boolean> {
  return run('id', ['-u', TEST_USER]).then(
    () => true,
    () => false,
  );
}

async function ids(): Promise<{ user: string; uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', TEST_USER])).stdout.trim());
  const gid = Number((await run('id', ['-g', TEST_USER])).stdout.trim());
  return { user: TEST_USER, uid, gid };
}

/** Why the server tests cannot run here, or null when they can. */
export function serverSkipReason(binaries: string[]): string | null {
  const missing = binaries.filter((b) => !existsSync(b));
  if (missing.length)
    return `${missing.join(', ')} not installed (CI installs openssh-server and vsftpd)`;
  if (process.getuid?.() !== 0) return 'needs root to create the cdtest login user';
  return null;
}
