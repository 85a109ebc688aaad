import type { ClientApi, MethodName } from '../../electron/api';

/** Methods that rewrite sidecars (or the event file): never two at once. */
const WRITES: ReadonlySet<string> = new Set<MethodName>([
  'setCaption',
  'setFields',
  'applyTemplate',
  'saveEvent',
  'findReplace',
  'importArticle',
]);

/**
 * The core reads, changes and rewrites a photo's sidecar per call, so two calls on the
 * same photo at once lose one change (culling keys pressed quickly: the label vanishes).
 * Until the core serializes per file, the UI sends its writes one after another.
 */
export function serialWrites(api: ClientApi): ClientApi {
  let queue: Promise<unknown> = Promise.resolve();
  return new Proxy(api, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof name !== 'string' || !WRITES.has(name) || typeof value !== 'function')
        return value;
      const call = value as (args: unknown) => Promise<unknown>;
      return (args: unknown) => {
        const run = queue.then(() => call(args));
        queue = run.catch(() => undefined);
        return run;
      };
    },
  });
}
