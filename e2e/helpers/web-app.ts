/**
 * What every browser end-to-end test needs: browser mode started on a folder (the
 * real server, core and built renderer) and Debian's Chromium launched headless.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const CHROMIUM = '/usr/bin/chromium';

export interface WebServer {
  child: ChildProcess;
  url: string;
  origin: string;
  token: string;
}

/** `tsx electron/web/start.ts <folder>` with its own data and cache folders; resolves with the printed URL. */
export function startServer(folder: string, dataDir: string, cacheDir: string): Promise<WebServer> {
  const tsx = resolve(REPO, 'node_modules/tsx/dist/cli.mjs');
  // Its own process group, so that stopping it also stops the node process tsx starts.
  const child = spawn(process.execPath, [tsx, 'electron/web/start.ts', folder], {
    cwd: REPO,
    env: { ...process.env, CAPTIONDESK_DATA_DIR: dataDir, CAPTIONDESK_CACHE_DIR: cacheDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      stopServer(child);
      reject(new Error(`${why}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    const timer = setTimeout(() => fail('The web server printed no URL within 30 s'), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /CaptionDesk: (http:\/\/127\.0\.0\.1:\d+\/\?token=(\S+))/.exec(stdout);
      if (!match?.[1] || !match[2]) return;
      clearTimeout(timer);
      resolvePromise({ child, url: match[1], origin: new URL(match[1]).origin, token: match[2] });
    });
    child.once('exit', (code) => fail(`The web server exited early (code ${code})`));
  });
}

export function stopServer(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

/**
 * Stop the server and wait (a few seconds at most) until it has exited: the core may still
 * be writing thumbnails into the cache folder the test is about to remove.
 */
export async function stopServerAndWait(child: ChildProcess, ms = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  stopServer(child);
  await Promise.race([exited, new Promise((r) => setTimeout(r, ms))]);
}

/** Headless Chromium as the workplace requires: no background networking to a closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Collect uncaught page errors and CSP violations: every browser test ends asserting there were none. */
export function recordPageProblems(
  page: Page,
  pageErrors: string[],
  cspViolations: string[] = pageErrors,
): void {
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
}
