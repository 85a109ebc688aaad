import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app-core-types';
import { dispatch, toWireError } from '../contract/dispatch';
import { kindOf, type ErrorKind } from '../../common/errors/error-codes';

import { checkHostAndOrigin, presentedToken, tokenMatches, TOKEN_COOKIE } from './request-guards';
import { resolveStatic } from './static-files';
import { CallOrder, callTag } from './call-order';
import { BodyRefused, readBody } from './request-body';

const STATUS_OF_KIND: Partial<Record<ErrorKind, number>> = {
  'invalid-args': 400,
  'unknown-method': 404,
  'not-found': 404,
  forbidden: 403,
};

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  core: Core;
  /** The built renderer (vite build output). */
  staticDir: string;
  port?: number;
  token?: string;
  /** How much and how slowly a client may send; the defaults suit a browser on this machine. */
  limits?: Partial<RequestLimits>;
}

export interface RequestLimits {
  /** The largest API request body, in bytes. */
  maxBodyBytes: number;
  /** Time from a request's first byte until its headers are complete (slowloris). */
  headersTimeoutMs: number;
  /** Time for an API body to arrive once the headers are in; answered with a JSON 408. */
  bodyTimeoutMs: number;
  /** Node's own cut-off for receiving a whole request, body included, whatever the route. */
  requestTimeoutMs: number;
  /** How often Node looks for requests past those deadlines. */
  checkIntervalMs: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxBodyBytes: 4 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 20_000,
  requestTimeoutMs: 30_000,
  checkIntervalMs: 1_000,
};

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Browser mode: the same contract over local HTTP. `POST /api/<method>` with JSON
 * arguments, `GET /api/events` as server-sent events, `GET /media/…` for pictures.
 * Bound to 127.0.0.1 only, and every request must carry the per-run token.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const order = new CallOrder();
  const limits: RequestLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  // Slow or endless requests are cut off by Node (a 408, then the socket is closed).
  const serverOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  };
  const server = createServer(serverOptions, (req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: toWireError(err) });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const refused = checkHostAndOrigin(req, port);
    if (refused)
      return send(res, 403, {
        ok: false,
        error: { message: `Refused: ${refused}`, code: 'forbidden' },
      });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const { token: presented, viaQuery } = presentedToken(req, url);
    if (!tokenMatches(presented, token)) {
      return send(res, 401, {
        ok: false,
        error: {
          message: 'Missing or wrong token: open the URL CaptionDesk printed',
          code: 'forbidden',
        },
      });
    }
    if (viaQuery) {
      // The first page load carries the token in the URL; from then on a strict cookie does.
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice(5));
    if (url.pathname.startsWith('/media/')) return media(res, url.pathname.slice(1) + url.search);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, {
        ok: false,
        error: { message: 'Method not allowed', code: 'forbidden' },
      });
    const file = await resolveStatic(opts.staticDir, url.pathname);
    if (!file)
      return send(res, 404, { ok: false, error: { message: 'Not found', code: 'not-found' } });
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
    createReadStream(file.path).pipe(res);
  }

  async function api(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (method === 'events' && req.method === 'GET') return events(req, res);
    if (req.method !== 'POST')
      return send(res, 405, { ok: false, error: { message: 'Use POST', code: 'forbidden' } });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      // A JSON content type cannot be sent cross-site without a preflight we never answer.
      return send(res, 415, {
        ok: false,
        error: { message: 'Content-Type must be application/json', code: 'invalid-args' },
      });
    }
    let args: unknown;
    const tag = callTag(req.headers);
    let body: Buffer | Error;
    try {
      body = await readBody(req, {
        maxBytes: limits.maxBodyBytes,
        timeoutMs: limits.bodyTimeoutMs,
      });
    } catch (err) {
      body = err as Error;
    }
    // Bodies arrive in any order; calls are handed to dispatch in the tab's order.
    const handedOver = tag ? await order.turn(tag.client, tag.call) : () => {};
    try {
      if (body instanceof Error) throw body;
      args = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (err) {
      handedOver();
      if (err instanceof BodyRefused) {
        // The rest of the body is never read: close the connection after the answer.
        res.setHeader('Connection', 'close');
        return send(res, err.status, {
          ok: false,
          error: { message: err.message, code: 'invalid-args' },
        });
      }
      return send(res, 400, {
        ok: false,
        error: { message: `Bad request body: ${(err as Error).message}`, code: 'invalid-args' },
      });
    }
    try {
      const running = dispatch(opts.core.api, method, args);
      handedOver();
      const value = await running;
      send(res, 200, { ok: true, value });
    } catch (err) {
      const error = toWireError(err);
      const status = STATUS_OF_KIND[kindOf(error.code)] ?? 500;
      send(res, status, { ok: false, error });
    }
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const off = opts.core.on((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 15000);
    req.on('close', () => {
      off();
      clearInterval(ping);
    });
  }

  async function media(res: ServerResponse, mediaPath: string): Promise<void> {
    const found = await opts.core.resolveMedia(mediaPath);
    if (!found)
      return send(res, 404, {
        ok: false,
        error: { message: 'No such photo in an open folder', code: 'not-found' },
      });
    const headers = { 'Content-Type': found.contentType, 'Cache-Control': 'private, max-age=3600' };
    if ('data' in found) {
      res.writeHead(200, { ...headers, 'Content-Length': found.data.length });
      res.end(found.data);
    } else {
      res.writeHead(200, headers);
      createReadStream(found.path)
        .on('error', () => res.destroy())
        .pipe(res);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(data),
    'Cache-Control': 'no-store',
  });
  res.end(data);
}
