/**
 * The one generic handler every front calls: look the method up in the contract,
 * validate the arguments against its schema, run the core. Fronts stay thin because
 * they only move (method, args) in and (result | error) out.
 *
 * Writes are serialized here, per target (see `Access` in kit.ts): every front of this
 * process — the window, each browser tab, the CLI's calls — goes through this queue, so
 * two calls that write one folder run one after the other, in the order they were
 * dispatched. Reads are never queued: each write answers (and announces) the new data,
 * so no client needs a read to wait for its write, and the information panel must not
 * stall behind a burst of caption saves.
 */
import { KeyedQueue } from '../../common/util/keyed-queue';
import { ApiError, contract, toApiError, type Api, type MethodName } from './api';
import type { ErrorParams } from '../../common/errors/error-codes';

const writes = new KeyedQueue();

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/**
 * The queue a call waits in, or null when it is not queued (a read, a long job). Folder
 * paths are compared as the user gave them, minus trailing separators: the core's own
 * per-sidecar locks still hold for two spellings of one folder.
 */
export function writeKey(method: MethodName, args: unknown): string | null {
  const access = contract[method].access;
  if (access.writes === null || access.queued === false) return null;
  const key = access.key ? access.key(args) : '';
  if (key === null) return null;
  return `${access.writes}\u0000${key.normalize('NFC').replace(/(?<=.)[\\/]+$/, '')}`;
}

/**
 * Validates synchronously and joins its queue before the first await, so the order in
 * which a front calls `dispatch` is the order the writes happen.
 */
export function dispatch(api: Api, method: unknown, rawArgs: unknown): Promise<unknown> {
  if (!isMethodName(method))
    return Promise.reject(
      new ApiError(`Unknown method: ${String(method)}`, 'unknown-method', {
        method: String(method),
      }),
    );
  const parsed = contract[method].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`);
    return Promise.reject(
      new ApiError(`Invalid arguments for ${method}: ${issues.join('; ')}`, 'invalid-args'),
    );
  }
  const impl = api[method] as (args: unknown) => Promise<unknown>;
  const key = writeKey(method, parsed.data);
  if (key === null) return impl(parsed.data);
  return writes.run(key, () => impl(parsed.data));
}

/**
 * Errors cross process and HTTP boundaries as plain data: the code and its params for
 * the UI's sentence, the English message for the CLI, logs and older clients.
 */
export interface WireError {
  message: string;
  code: string;
  params?: ErrorParams[keyof ErrorParams];
}

export function toWireError(err: unknown): WireError {
  const e = toApiError(err);
  return { message: e.message, code: e.code, params: e.params };
}
