/** Finding browser mode's core process, for tests that crash it on purpose. */
import { readdirSync, readFileSync } from 'node:fs';

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(name));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** The live core process under the server `serverPid` (the server runs it as a child). */
export function corePidUnder(serverPid: number): number | null {
  const queue = [serverPid];
  while (queue.length) {
    const pid = queue.shift()!;
    for (const child of childrenOf(pid)) {
      try {
        const cmd = readFileSync(`/proc/${child}/cmdline`, 'utf8');
        const state = readFileSync(`/proc/${child}/stat`, 'utf8');
        const zombie = state.slice(state.lastIndexOf(')') + 2).startsWith('Z');
        if (cmd.includes('core-child') && !zombie) return child;
      } catch {
        continue;
      }
      queue.push(child);
    }
  }
  return null;
}
