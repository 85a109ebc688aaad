/**
 * An API failure as the UI receives it: the core's code and params, which the UI says
 * in its own language (renderer/errors/describe-error.ts), and its English message.
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** The English message: for logs and tests. The UI shows describeError(err, m) instead. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** The core's error code when the transport carries it (HTTP does; the desktop bridge may not). */
export function errorCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * A failure kept in state as plain data: what describeError needs to say it in
 * whichever language is on when it is shown, not the one on when it happened.
 */
export interface Failure {
  code: string | null;
  params: Record<string, unknown>;
  message: string;
}

export function failureOf(err: unknown): Failure {
  const params = (err as { params?: unknown } | null)?.params;
  return {
    code: errorCode(err),
    params: params && typeof params === 'object' ? (params as Record<string, unknown>) : {},
    message: errorMessage(err),
  };
}
