/**
 * What `app://` answers, as a plain `(Request) => Response` with no Electron import,
 * so it is tested in Node. security.ts hands it to `protocol.handle('app', …)`.
 *
 * - `app://app/<file>` serves the built renderer from one folder, never outside it.
 * - `app://media/<media path>` asks the core, which serves only opened folders.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { MediaResponse } from '../core/app-core-types';
import { APP_HOST, MEDIA_CSP, MEDIA_HOST, contentTypeFor, safeJoin } from './security-rules';

export interface AppProtocolOptions {
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  resolveMedia: (mediaPath: string) => Promise<MediaResponse | null>;
  /** Sent with every renderer file, so the policy holds even without a meta tag. */
  csp: string;
  /** Where unexpected failures are reported; they reach the renderer as a bare 500. */
  onError?: (error: unknown, url: string) => void;
}

function status(code: number, text: string): Response {
  return new Response(text, {
    status: code,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

async function fileResponse(
  file: string,
  headers: Record<string, string>,
  method: string,
): Promise<Response | null> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  const all = { ...headers, 'Content-Length': String(info.size) };
  if (method === 'HEAD') return new Response(null, { status: 200, headers: all });
  // Streamed, because a full-size photo can be tens of megabytes.
  const body = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: all });
}

async function serveRenderer(opts: AppProtocolOptions, url: URL, method: string) {
  const wanted = url.pathname === '/' ? '/index.html' : url.pathname;
  const file = safeJoin(opts.rendererDir, wanted);
  if (!file) return status(404, 'Not found');
  const headers = (name: string) => ({
    'Content-Type': contentTypeFor(name),
    'Content-Security-Policy': opts.csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  const found = await fileResponse(file, headers(file), method);
  if (found) return found;
  // A client-side route (no extension) gets the app shell; a missing asset is a 404.
  if (path.extname(wanted) !== '') return status(404, 'Not found');
  const shell = path.join(opts.rendererDir, 'index.html');
  return (await fileResponse(shell, headers(shell), method)) ?? status(404, 'Not found');
}

async function serveMedia(opts: AppProtocolOptions, url: URL, method: string) {
  // The core's media paths are relative (`media/thumb/…?v=…`): drop the leading slash only.
  const media = await opts.resolveMedia(url.pathname.slice(1) + url.search);
  if (!media) return status(404, 'Not found');
  const headers = {
    'Content-Type': media.contentType,
    'Content-Security-Policy': MEDIA_CSP,
    'X-Content-Type-Options': 'nosniff',
    // A versioned path (`?v=`) changes whenever its bytes do, so it may be cached for good.
    'Cache-Control': url.searchParams.has('v')
      ? 'private, max-age=31536000, immutable'
      : 'no-cache',
  };
  if ('path' in media)
    return (await fileResponse(media.path, headers, method)) ?? status(404, 'Not found');
  const all = { ...headers, 'Content-Length': String(media.data.byteLength) };
  // Copied into a plain ArrayBuffer-backed view: what `Response` accepts.
  return new Response(method === 'HEAD' ? null : new Uint8Array(media.data), {
    status: 200,
    headers: all,
  });
}

export function createAppProtocolHandler(
  opts: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return status(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return status(400, 'Bad request');
    }
    try {
      if (url.host === APP_HOST) return await serveRenderer(opts, url, request.method);
      if (url.host === MEDIA_HOST) return await serveMedia(opts, url, request.method);
      return status(404, 'Not found');
    } catch (error) {
      opts.onError?.(error, request.url);
      return status(500, 'Internal error');
    }
  };
}
