/**
 * The core process: forked by browser mode's server (child_process) or started by Electron's
 * main as a utilityProcess. It makes the one core and answers the host's calls through the
 * same `dispatch` every front uses. Passwords stay with the host (in Electron only main can
 * reach the OS keychain), so the core asks for them when a transfer needs one.
 */
import '../util/threadpool';
import { createCore } from '../app-core';
import type { Core } from '../app-core-types';
import { dispatch, toWireError } from '../../contract/dispatch';
import { installImageWorkGuard } from '../images/image-work-guard';
import { watchProcessErrors } from '../log/process-errors';
import type { SecretStore } from '../outbox/secret-store';
import type { FromCore, ToCore } from './core-protocol';

interface Port {
  send(message: FromCore): void;
  on(listener: (message: ToCore) => void): void;
}

/** Electron's utilityProcess gives `process.parentPort`; a forked Node child has `process.send`. */
function parentPort(): Port {
  const pp = (
    process as unknown as {
      parentPort?: {
        postMessage(m: unknown): void;
        on(event: 'message', cb: (e: { data: unknown }) => void): void;
      };
    }
  ).parentPort;
  if (pp)
    return {
      send: (m) => pp.postMessage(m),
      on: (cb) => pp.on('message', (e) => cb(e.data as ToCore)),
    };
  if (process.send)
    return {
      send: (m) => process.send!(m),
      on: (cb) => process.on('message', (m) => cb(m as ToCore)),
    };
  throw new Error('The core process was started without a host to talk to');
}

const raw = parentPort();
/** Messages go out batched per turn, in the order they were made. */
const port: Port = (() => {
  let queue: FromCore[] = [];
  const flush = () => {
    const messages = queue;
    queue = [];
    raw.send(messages.length === 1 ? messages[0]! : { t: 'batch', messages });
  };
  return {
    send(message) {
      if (queue.length === 0) setImmediate(flush);
      queue.push(message);
    },
    on: (listener) => raw.on(listener),
  };
})();
let core: Core | null = null;
let nextSecret = 1;
const secretWaits = new Map<number, { resolve(v: string | null): void; reject(e: Error): void }>();

function askHost(op: 'get' | 'set' | 'delete', key: string, value?: string) {
  const id = nextSecret++;
  return new Promise<string | null>((resolve, reject) => {
    secretWaits.set(id, { resolve, reject });
    port.send({ t: 'secret', id, op, key, ...(value === undefined ? {} : { value }) });
  });
}

const hostSecrets: SecretStore = {
  get: (key) => askHost('get', key),
  set: async (key, value) => void (await askHost('set', key, value)),
  delete: async (key) => void (await askHost('delete', key)),
};

function ready(): Core {
  if (!core) throw new Error('The core process was called before it was set up');
  return core;
}

port.on((msg) => {
  switch (msg.t) {
    case 'init': {
      const { quarantined, struck, breadcrumbFile, ...opts } = msg.init;
      installImageWorkGuard({
        breadcrumbFile,
        quarantined,
        struck,
        cleared: (file) => port.send({ t: 'cleared', file }),
      });
      core = createCore({ ...opts, secrets: hostSecrets });
      // An uncaught error in this process is logged before the process goes.
      watchProcessErrors(core.log);
      core.on((event) => port.send({ t: 'event', event }));
      port.send({ t: 'ready' });
      return;
    }
    case 'call':
      dispatch(ready().api, msg.method, msg.args).then(
        (value) => port.send({ t: 'result', id: msg.id, ok: true, value }),
        (err: unknown) =>
          port.send({ t: 'result', id: msg.id, ok: false, error: toWireError(err) }),
      );
      return;
    case 'media':
      ready()
        .resolveMedia(msg.path)
        .then(
          (value) => port.send({ t: 'media-result', id: msg.id, value }),
          () => port.send({ t: 'media-result', id: msg.id, value: null }),
        );
      return;
    case 'secret-reply': {
      const wait = secretWaits.get(msg.id);
      secretWaits.delete(msg.id);
      if (msg.error) wait?.reject(new Error(msg.error));
      else wait?.resolve(msg.value);
      return;
    }
    case 'close':
      void (core?.close() ?? Promise.resolve()).finally(() => {
        port.send({ t: 'closed' });
        // Let the message leave before the process does.
        setTimeout(() => process.exit(0), 50);
      });
      return;
  }
});
