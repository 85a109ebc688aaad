/**
 * Reading an API request's body with bounds: a size limit checked against the
 * declared Content-Length before a byte is read and against the bytes as they
 * arrive (chunked bodies declare nothing), and a deadline for the whole body.
 * A body that breaks either is refused and never held whole in memory.
 */
import type { IncomingMessage } from 'node:http';

export interface BodyLimits {
  /** The largest body accepted, in bytes. */
  maxBytes: number;
  /** How long the whole body may take to arrive once the headers are in. */
  timeoutMs: number;
}

/** A body the server will not read: the status and the sentence to answer with. */
export class BodyRefused extends Error {
  constructor(
    readonly status: 408 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'BodyRefused';
  }
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 100) / 100} MB`;
}

function tooLarge(limits: BodyLimits): BodyRefused {
  return new BodyRefused(
    413,
    `Request body too large: the limit is ${megabytes(limits.maxBytes)} (${limits.maxBytes} bytes)`,
  );
}

export function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes)
    return Promise.reject(tooLarge(limits));

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: Error | null) => {
      clearTimeout(deadline);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (error) {
        chunks.length = 0;
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) finish(tooLarge(limits));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = (error: Error) => finish(error);
    const onAborted = () => finish(new Error('the client went away before sending the body'));
    const deadline = setTimeout(
      () =>
        finish(
          new BodyRefused(
            408,
            `Request body not received within ${limits.timeoutMs / 1000} s: the connection is closed`,
          ),
        ),
      limits.timeoutMs,
    );
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}
