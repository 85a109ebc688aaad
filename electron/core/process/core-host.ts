/**
 * The host's side of the core process: a `Core` like any other to the fronts (IPC, HTTP),
 * whose work runs in a child. When the child dies (a native crash, out of memory, a kill)
 * the host starts a new one with the same folders open: calls that were running get a
 * clear "core-crashed" error, calls that arrive meanwhile wait for the new core, outbox
 * jobs resume from their saved state, and the UI is told. Files under image work at the
 * crash get a strike; at two they are quarantined, so one bad file cannot crash-loop the
 * app while the rest of the batch goes on.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Api, ApiEvent, MethodName } from '../../contract/api';
import { ApiError } from '../../contract/errors';
import type { WireError } from '../../contract/dispatch';
import type { Core, MediaResponse } from '../app-core-types';
import { writeFileAtomic } from '../fs/atomic-write';
import { createCoreLog } from '../log/core-log';
import { readJson } from '../outbox/json-file';
import type { SecretStore } from '../outbox/secret-store';
import type { CoreChannel, CoreInit, FromCore } from './core-protocol';

export interface CoreHostOptions {
  init: Omit<CoreInit, 'quarantined' | 'struck' | 'breadcrumbFile'>;
  /** Starts a core process (a new one each time). */
  spawn(): CoreChannel;
  secrets: SecretStore;
  /** Crashes within a minute before restarts slow down to one per `coolDownMs`. */
  burst?: number;
  coolDownMs?: number;
}

export interface HostedCore extends Core {
  /** The running core's process id. */
  pid(): number | undefined;
  /** How many times the core was started again after dying. */
  restarts(): number;
}

interface Health {
  /** Crashes each file was under image work for. */
  strikes: Record<string, number>;
  quarantined: string[];
}

/** Two crashes with the same file under work: it is the file. */
const STRIKES_TO_QUARANTINE = 2;

type Waiter = { resolve(v: unknown): void; reject(e: Error): void; method: string };

function rebuildError(e: WireError): ApiError {
  return new ApiError(e.message, e.code as never, e.params as never);
}

export async function startCoreHost(opts: CoreHostOptions): Promise<HostedCore> {
  const healthFile = join(opts.init.dataDir, 'core-health.json');
  const breadcrumbFile = join(opts.init.dataDir, 'core-image-work.json');
  await mkdir(opts.init.dataDir, { recursive: true });
  const saved = await readJson<Health>(healthFile, { strikes: {}, quarantined: [] });
  const strikes = new Map(Object.entries(saved.strikes));
  // The host's own lines (crashes, restarts) go to the same file as the core's.
  const log = createCoreLog(opts.init.dataDir);
  const quarantined = [...saved.quarantined];
  const listeners = new Set<(e: ApiEvent) => void>();
  const calls = new Map<number, Waiter>();
  const media = new Map<number, (v: MediaResponse | null) => void>();
  /** Folders the UI opened: a new core opens them again. */
  const openFolders = new Set<string>();
  const crashTimes: number[] = [];
  let nextId = 1;
  let restarts = 0;
  let closing = false;
  let channel: CoreChannel;
  /** The current child has died: nothing sent to it now would be answered. */
  let dead = false;
  /** The child answers calls. */
  let ready!: Promise<void>;
  /** The child answers calls and has the UI's folders open again: what the fronts wait for. */
  let usable!: Promise<void>;

  const emit = (e: ApiEvent) => listeners.forEach((l) => l(e));
  const saveHealth = () => {
    const health: Health = { strikes: Object.fromEntries(strikes), quarantined };
    return writeFileAtomic(healthFile, JSON.stringify(health, null, 2) + '\n');
  };

  function start(): void {
    channel = opts.spawn();
    dead = false;
    const mine = channel;
    ready = new Promise<void>((resolve, reject) => {
      mine.onMessage((msg) => {
        for (const m of unbatch(msg)) {
          if (m.t === 'ready') resolve();
          else onMessage(m);
        }
      });
      mine.onExit((reason) => {
        if (mine === channel) dead = true;
        reject(new Error(`The core process exited before it was ready (${reason})`));
        if (mine === channel) void crashed(reason);
      });
    });
    // A core that dies before it is ready is handled by the exit listener.
    ready.catch(() => undefined);
    mine.send({
      t: 'init',
      init: {
        ...opts.init,
        quarantined,
        struck: [...strikes.keys()],
        breadcrumbFile,
      },
    });
  }

  function onMessage(msg: FromCore): void {
    switch (msg.t) {
      case 'result': {
        const w = calls.get(msg.id);
        calls.delete(msg.id);
        if (!w) return;
        if (msg.ok) {
          if (w.method === 'openFolder') rememberOpen(msg.value);
          w.resolve(msg.value);
        } else w.reject(rebuildError(msg.error));
        return;
      }
      case 'media-result': {
        const done = media.get(msg.id);
        media.delete(msg.id);
        done?.(asMedia(msg.value));
        return;
      }
      case 'event':
        emit(msg.event);
        return;
      case 'secret':
        void answerSecret(msg);
        return;
      case 'cleared':
        strikes.delete(msg.file);
        void saveHealth();
        return;
      default:
        return;
    }
  }

  function rememberOpen(value: unknown): void {
    const path = (value as { folder?: { path?: unknown } } | null)?.folder?.path;
    if (typeof path === 'string') openFolders.add(path);
  }

  async function answerSecret(msg: Extract<FromCore, { t: 'secret' }>): Promise<void> {
    try {
      let value: string | null = null;
      if (msg.op === 'get') value = await opts.secrets.get(msg.key);
      else if (msg.op === 'set') await opts.secrets.set(msg.key, msg.value ?? '');
      else await opts.secrets.delete(msg.key);
      channel.send({ t: 'secret-reply', id: msg.id, value });
    } catch (err) {
      channel.send({ t: 'secret-reply', id: msg.id, value: null, error: String(err) });
    }
  }

  async function crashed(reason: string): Promise<void> {
    if (closing) return;
    const running = [...calls.values()].map((w) => w.method);
    for (const [id, w] of calls) {
      calls.delete(id);
      w.reject(
        new ApiError(
          `The core stopped (${reason}) while running ${w.method}; it was started again`,
          'core-crashed',
          { method: w.method },
        ),
      );
    }
    for (const [id, done] of media) {
      media.delete(id);
      done(null);
    }
    await strike();
    log.error('core-crashed', {
      reason,
      running,
      quarantined: quarantined.map((f) => basename(f)),
    });
    const now = Date.now();
    crashTimes.push(now);
    while (crashTimes.length && now - crashTimes[0]! > 60_000) crashTimes.shift();
    if (crashTimes.length > (opts.burst ?? 5))
      await new Promise((r) => setTimeout(r, opts.coolDownMs ?? 5000));
    if (closing) return;
    restarts++;
    let reopened!: () => void;
    usable = new Promise<void>((r) => (reopened = r));
    start();
    try {
      await ready;
    } catch {
      return; // Died again at once: its own exit starts the next one.
    }
    for (const path of openFolders)
      await send('openFolder', { path }).catch(() => openFolders.delete(path));
    reopened();
    log.info('core-restarted', { restarts, folders: openFolders.size });
    emit({
      type: 'coreRestarted',
      reason,
      restarts,
      quarantined: quarantined.map((f) => basename(f)),
    });
  }

  /** Each file under image work when the core died gets a strike; two, and it is quarantined. */
  async function strike(): Promise<void> {
    let inFlight: string[] = [];
    try {
      inFlight = JSON.parse(await readFile(breadcrumbFile, 'utf8')) as string[];
    } catch {
      inFlight = [];
    }
    for (const file of inFlight) {
      const n = (strikes.get(file) ?? 0) + 1;
      strikes.set(file, n);
      if (n >= STRIKES_TO_QUARANTINE && !quarantined.includes(file)) {
        quarantined.push(file);
        strikes.delete(file);
      }
    }
    await saveHealth();
  }

  /**
   * Waits for a core that is up and has the folders open, across restarts (a core may
   * die before it is ready, or between the wait and the send).
   */
  async function waitUsable(): Promise<void> {
    for (;;) {
      const current = usable;
      try {
        await current;
        if (!dead) return;
      } catch (err) {
        if (closing) throw err;
      }
      if (closing) throw new Error('The core is closing');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function call(method: string, args: unknown): Promise<unknown> {
    await waitUsable();
    return send(method, args);
  }

  /** To the child as it is now (the host's own calls while it brings a new core up). */
  async function send(method: string, args: unknown): Promise<unknown> {
    await ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      calls.set(id, { resolve, reject, method });
      channel.send({ t: 'call', id, method, args });
    });
  }

  usable = new Promise<void>((resolve, reject) => {
    start();
    ready.then(resolve, reject);
  });
  await usable;

  const api = new Proxy({} as Api, {
    get: (_target, method: string) => (args: unknown) => call(method as MethodName, args),
  });
  return {
    api,
    log,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async resolveMedia(path) {
      await waitUsable();
      const id = nextId++;
      return new Promise((resolve) => {
        media.set(id, resolve);
        channel.send({ t: 'media', id, path });
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      const done = new Promise<void>((resolve) => {
        channel.onMessage((m) => unbatch(m).some((x) => x.t === 'closed') && resolve());
        channel.onExit(() => resolve());
      });
      channel.send({ t: 'close' });
      const timer = setTimeout(() => channel.kill(), 10_000);
      await done;
      clearTimeout(timer);
      await log.flush();
    },
    pid: () => channel.pid,
    restarts: () => restarts,
  };
}

/** The messages a batch carries, in order; a single message as one. */
function unbatch(msg: FromCore): FromCore[] {
  return msg.t === 'batch' ? msg.messages : [msg];
}

/** A picture's bytes arrive as a Uint8Array; the HTTP front wants a Buffer. */
function asMedia(value: MediaResponse | null): MediaResponse | null {
  if (value && 'data' in value && !Buffer.isBuffer(value.data))
    return { ...value, data: Buffer.from(value.data as Uint8Array) };
  return value;
}
