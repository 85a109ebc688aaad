import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import {
  breakStalePidLock,
  pidLockIsStale,
  pidLockOwner,
  tryPidLock,
  type Release,
} from '../fs/pid-lock';

/**
 * One process sends a job at a time: the app and a CLI `outbox retry` share the outbox
 * data folder, and two senders of one job would write the same `.part` files on the
 * server at once. The lock file sits beside the job's record for as long as an attempt
 * runs; a lock left by a killed process is taken over (pid-lock.ts).
 */
export type JobLock = { release: Release } | { heldBy: number };

export const jobLockPath = (jobsDir: string, id: string) => join(jobsDir, `${id}.lock`);

export async function lockJob(jobsDir: string, id: string): Promise<JobLock> {
  await mkdir(jobsDir, { recursive: true });
  const path = jobLockPath(jobsDir, id);
  for (;;) {
    const release = await tryPidLock(path);
    if (release) return { release };
    if (await breakStalePidLock(path)) continue;
    const pid = await pidLockOwner(path);
    // Still being made (no pid yet) or the takeover was someone else's: look again shortly.
    if (pid) return { heldBy: pid };
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The pid of another live process sending the job now, or null. */
export async function jobHolder(jobsDir: string, id: string): Promise<number | null> {
  const path = jobLockPath(jobsDir, id);
  const pid = await pidLockOwner(path);
  if (!pid || pid === process.pid) return null;
  return (await pidLockIsStale(path)) ? null : pid;
}

/** What the UI and the CLI say while another CaptionDesk sends the job. */
export const heldElsewhereLabel = (pid: number) => `being sent by another CaptionDesk (pid ${pid})`;
export const HELD_ELSEWHERE = /^being sent by another CaptionDesk \(pid (\d+)\)$/;
