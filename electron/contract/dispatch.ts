/**
 * The one generic handler every front calls: look the method up in the contract,
 * validate the arguments against its schema, run the core. Fronts stay thin because
 * they only move (method, args) in and (result | error) out.
 */
import { ApiError, contract, toApiError, type Api, type MethodName } from './api';
import type { ErrorParams } from '../../common/errors/error-codes';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export async function dispatch(api: Api, method: unknown, rawArgs: unknown): Promise<unknown> {
  if (!isMethodName(method))
    throw new ApiError(`Unknown method: ${String(method)}`, 'unknown-method', {
      method: String(method),
    });
  const parsed = contract[method].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`);
    throw new ApiError(`Invalid arguments for ${method}: ${issues.join('; ')}`, 'invalid-args');
  }
  const impl = api[method] as (args: unknown) => Promise<unknown>;
  return impl(parsed.data);
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
