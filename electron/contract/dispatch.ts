/**
 * The one generic handler every front calls: look the method up in the contract,
 * validate the arguments against its schema, run the core. Fronts stay thin because
 * they only move (method, args) in and (result | error) out.
 */
import { ApiError, contract, type Api, type MethodName } from './api';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export async function dispatch(api: Api, method: unknown, rawArgs: unknown): Promise<unknown> {
  if (!isMethodName(method))
    throw new ApiError(`Unknown method: ${String(method)}`, 'unknown-method');
  const parsed = contract[method].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`);
    throw new ApiError(`Invalid arguments for ${method}: ${issues.join('; ')}`, 'invalid-args');
  }
  const impl = api[method] as (args: unknown) => Promise<unknown>;
  return impl(parsed.data);
}

/** Errors cross process and HTTP boundaries as plain data. */
export interface WireError {
  message: string;
  code: string;
}

export function toWireError(err: unknown): WireError {
  if (err instanceof ApiError) return { message: err.message, code: err.code };
  const e = err as NodeJS.ErrnoException;
  return { message: e?.message ?? String(err), code: 'io' };
}
