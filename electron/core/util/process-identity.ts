import { readFileSync } from 'node:fs';
import { uptime } from 'node:os';

/**
 * What tells one run of a process from another that later got the same pid: a pid is
 * reused after a reboot (an app started at login often gets the same small number) and
 * when the counter wraps. On Linux the kernel's boot id and the process's start tick
 * say it exactly; elsewhere only the boot time can, from the uptime.
 */
export interface ProcessIdentity {
  /** /proc/sys/kernel/random/boot_id: new at every boot. */
  boot: string | null;
  /** Field 22 of /proc/<pid>/stat: clock ticks after boot when the process started. */
  start: string | null;
}

const readOr = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

export function bootId(): string | null {
  return readOr('/proc/sys/kernel/random/boot_id')?.trim() || null;
}

/** The start tick of a running process, or null where /proc does not tell (or it is gone). */
export function startTick(pid: number): string | null {
  const stat = readOr(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: count after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

export function ownIdentity(): ProcessIdentity {
  return { boot: bootId(), start: startTick(process.pid) };
}

/** When this machine booted (ms since the epoch); only as good as the wall clock. */
export function bootTimeMs(): number {
  return Date.now() - uptime() * 1000;
}
