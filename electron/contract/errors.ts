import { z } from 'zod';
import {
  errorCodes,
  kindOf,
  type ErrorCode,
  type ErrorKind,
  type ErrorParams,
} from '../../common/errors/error-codes';
import { codeForErrno } from '../../common/errors/errno';

/**
 * A per-file failure's code and params beside its English `error` text: optional, so
 * older results and caches stay valid.
 */
export const errorCodeSchema = z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]);
export const errorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export const codedFailureFields = {
  code: errorCodeSchema.optional(),
  params: errorParamsSchema.optional(),
};

/** Codes without parameters may leave them out; the others must give them. */
type ParamsArg<C extends ErrorCode> =
  Record<string, never> extends ErrorParams[C]
    ? [params?: ErrorParams[C]]
    : [params: ErrorParams[C]];

/**
 * An error the user should read. `code` and `params` say it in any language (the UI's
 * tables); `message` says it in English for the CLI and the logs, naming the file and
 * the cause.
 */
export class ApiError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams[C];

  constructor(message: string, code?: C, ...[params]: ParamsArg<C>) {
    super(message);
    this.name = 'ApiError';
    this.code = code ?? ('io' as C);
    this.params = params ?? ({} as ErrorParams[C]);
  }

  get kind(): ErrorKind {
    return kindOf(this.code);
  }
}

/** What a failure says in any language: its code and the values its sentence names. */
export interface ErrorInfo {
  code: ErrorCode;
  params: ErrorParams[ErrorCode];
}

/**
 * The code of anything thrown: an ApiError's own, an errno's mapped one (naming `path`
 * when the caller knows the file better than the error does), else `fallback`.
 */
export function errorInfo(err: unknown, path?: string, fallback?: ErrorInfo): ErrorInfo {
  if (err instanceof ApiError) return { code: err.code, params: err.params };
  const e = err as { code?: unknown; path?: unknown } | null;
  const errno = codeForErrno(e?.code);
  if (errno) {
    const where = path ?? (typeof e?.path === 'string' ? e.path : '');
    return { code: errno, params: { path: where } };
  }
  return fallback ?? { code: 'unknown', params: {} };
}

/** Any thrown thing as an ApiError, its English message kept and its errno given a code. */
export function toApiError(err: unknown, path?: string): ApiError {
  if (err instanceof ApiError) return err;
  const info = errorInfo(err, path);
  const message = (err as Error | null)?.message ?? String(err);
  return new ApiError(message, info.code, info.params as never);
}
