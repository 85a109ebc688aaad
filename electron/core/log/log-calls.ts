import { ApiError } from '../../contract/errors';
import type { CoreLog } from './core-log';

/**
 * A failed API call goes into the log and on to the caller unchanged. An ApiError is an
 * answer the core meant (a file that failed, a bad argument): a warning with its code.
 * Anything else escaped the core's own handling: an error with its stack. The call's
 * arguments are never logged: they may hold a password.
 */
export function logFailedCall(log: CoreLog, method: string, error: unknown): never {
  if (error instanceof ApiError)
    log.warn('call-failed', {
      method,
      code: error.code,
      message: error.message,
      params: error.params,
    });
  else log.error('uncaught', { method, error });
  throw error;
}
