/** Peak and current resident memory of a process tree, from /proc (Linux only). */
import { readdir, readFile } from 'node:fs/promises';

export interface Memory {
  pid: number;
  /** VmHWM: the peak resident set since the process started, in bytes. */
  peakBytes: number;
  /** VmRSS now, in bytes. */
  nowBytes: number;
}

async function status(pid: number): Promise<{ ppid: number; hwm: number; rss: number } | null> {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(text)?.[1] ?? -1);
    return { ppid, hwm: kb('VmHWM') * 1024, rss: kb('VmRSS') * 1024 };
  } catch {
    return null;
  }
}

/**
 * The heaviest process under `root`, itself included: `tsx` runs the server in a child
 * node process, and the server runs the core in a child of its own, the heaviest of them.
 */
export async function heaviestInTree(root: number): Promise<Memory | null> {
  const parents = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = await status(Number(name));
    if (s) parents.set(Number(name), s.ppid);
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && hops < 64; hops++) {
      if (p === root) return true;
      p = parents.get(p);
    }
    return false;
  };
  let best: Memory | null = null;
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    const s = await status(pid);
    if (s && (!best || s.hwm > best.peakBytes)) {
      best = { pid, peakBytes: s.hwm, nowBytes: s.rss };
    }
  }
  return best;
}
