/**
 * Browser mode's server in-process, for tests that speak HTTP to it: a real core on copies
 * of fixture photos, a stub page as the built renderer, and raw requests that set Host and
 * Origin exactly (fetch() would not let a test set Host).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Core } from '../../electron/core/app-core-types';
import { startWebServer, type WebServer, type WebServerOptions } from '../../electron/web/server';
import { fixtureCore } from './fixture-core';

export interface RawResponse {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

/** One request to 127.0.0.1:`port`, with the Host a local page sends unless `headers` says otherwise. */
export function rawCall(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

export interface TestWebServer {
  core: Core;
  server: WebServer;
  /** The copies of the fixture photos. */
  photos: string;
  /** The core's data and cache folders, and the stub renderer, live here. */
  state: string;
  close(): Promise<void>;
}

/** A core in browser mode and its server, on copies of the fixture photos `files`. */
export async function startTestWebServer(
  files: string[],
  options: Pick<WebServerOptions, 'limits'> = {},
): Promise<TestWebServer> {
  const undo: (() => Promise<void>)[] = [];
  const { dir: photos, state, core } = await fixtureCore((fn) => undo.push(fn), files);
  const staticDir = join(state, 'static');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const server = await startWebServer({ core, staticDir, ...options });
  return {
    core,
    server,
    photos,
    state,
    async close() {
      await server.close();
      for (const fn of undo) await fn();
    },
  };
}
