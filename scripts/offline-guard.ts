/**
 * Keeps a process off the network: every TCP connection it tries fails at once,
 * before any DNS lookup, and is recorded. Local IPC (a socket path) still works.
 * The security scan uses it because electronegativity reaches for the Internet on
 * its own (translations, Electron's release list), and CI has no network to give.
 */
import net from 'node:net';

export interface BlockedConnection {
  host: string;
  port: string;
}

type ConnectArgs = Parameters<net.Socket['connect']>;

function destinationOf(args: unknown[]): BlockedConnection | null {
  const [first, second] = args;
  if (first !== null && typeof first === 'object') {
    const o = first as { path?: unknown; host?: unknown; port?: unknown };
    if (typeof o.path === 'string') return null;
    return { host: String(o.host ?? 'localhost'), port: String(o.port ?? '') };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return null; // a pipe path
  return { host: typeof second === 'string' ? second : 'localhost', port: String(first) };
}

/** Installs the block for the rest of the process's life; returns the list it fills. */
export function blockNetwork(): BlockedConnection[] {
  const blocked: BlockedConnection[] = [];
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // Node calls connect([options, callback]) internally: unwrap that form too.
    const flat = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    const target = destinationOf(flat);
    if (!target) return connect.apply(this, args as ConnectArgs);
    blocked.push(target);
    const error = Object.assign(
      new Error(`offline by design: no connection to ${target.host}:${target.port}`),
      { code: 'ERR_OFFLINE_BY_DESIGN' },
    );
    process.nextTick(() => this.destroy(error));
    return this;
  } as net.Socket['connect'];
  return blocked;
}
