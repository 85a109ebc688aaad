/**
 * A real WordPress for the outbox tests: Debian's `wordpress` package copied into a temp
 * folder with its own wp-config.php, a private MariaDB (Debian's `mariadb-server`) on a
 * Unix socket in the same folder, and PHP's built-in server on 127.0.0.1. Installed with
 * WordPress's own wp_install(), with an Application Password per test user.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { freePort, killTree, run, startLogged, waitForPort } from './procs';

export const WORDPRESS_ROOT = '/usr/share/wordpress';
const HERE = import.meta.dirname;

export interface WpUser {
  login: string;
  id: number;
  /** The Application Password WordPress made for it, as WordPress shows it (with spaces). */
  password: string;
}

export interface WordPressServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  /** An editor: may upload media, draft posts and create categories and tags. */
  editor: WpUser;
  /** A contributor: may draft posts but not upload media. */
  contributor: WpUser;
  /**
   * Calls the REST API as the admin (who sees everything, drafts included).
   * `path` is after /wp-json/, e.g. `wp/v2/posts?status=draft`.
   */
  rest<T = unknown>(path: string): Promise<T>;
  /** Runs PHP with WordPress loaded (e.g. to flip a test switch); returns what it printed. */
  php(code: string): Promise<string>;
  /** Resolves when the site's PHP server has died (see the crash switch). */
  died(): Promise<void>;
  /** Starts the site's PHP server again on the same port. */
  restart(): Promise<void>;
  /** A second PHP server on the same site with PHP's upload limit lowered to `limit`. */
  startLimited(limit: string): Promise<{ url: string; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

function wpConfig(socket: string): string {
  const salt = () => randomBytes(24).toString('hex');
  const keys = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE'].flatMap((k) => [
    `define('${k}_KEY', '${salt()}');`,
    `define('${k}_SALT', '${salt()}');`,
  ]);
  return [
    '<?php',
    "define('DB_NAME', 'wordpress');",
    "define('DB_USER', 'root');",
    "define('DB_PASSWORD', '');",
    `define('DB_HOST', 'localhost:${socket}');`,
    "define('DB_CHARSET', 'utf8mb4');",
    "define('DB_COLLATE', '');",
    ...keys,
    "$table_prefix = 'wp_';",
    // Application Passwords over plain http need a 'local' site; real sites use https.
    "define('WP_ENVIRONMENT_TYPE', 'local');",
    "define('WP_CONTENT_DIR', __DIR__ . '/wp-content');",
    "define('AUTOMATIC_UPDATER_DISABLED', true);",
    "define('DISABLE_WP_CRON', true);",
    "define('WP_HTTP_BLOCK_EXTERNAL', true);",
    "define('ABSPATH', __DIR__ . '/');",
    "require_once ABSPATH . 'wp-settings.php';",
    '',
  ].join('\n');
}

/**
 * A must-use plugin the tests flip with options: a site whose REST API a plugin switched
 * off, and a server that dies (SIGKILL, no answer at all) once it holds N uploads.
 */
const TEST_SWITCHES = `<?php
if (get_option('captiondesk_test_rest_off')) {
    remove_action('init', 'rest_api_init');
    remove_action('parse_request', 'rest_api_loaded');
}
add_filter('wp_handle_upload_prefilter', function ($file) {
    $after = (int) get_option('captiondesk_test_crash_after_uploads', 0);
    if ($after > 0 && (int) wp_count_posts('attachment')->inherit >= $after) {
        posix_kill(getmypid(), 9);
    }
    return $file;
});
`;

function startPhp(site: string, port: number, ini: string[] = []) {
  return startLogged('php', [
    ...ini.flatMap((d) => ['-d', d]),
    '-S',
    `127.0.0.1:${port}`,
    '-t',
    site,
    join(site, 'captiondesk-router.php'),
  ]);
}

export async function startWordPress(dir: string): Promise<WordPressServer> {
  const db = join(dir, 'db');
  const site = join(dir, 'site');
  const socket = join(db, 'mysqld.sock');
  const procs: ChildProcess[] = [];
  const stop = async () => {
    for (const p of procs.reverse()) await killTree(p);
  };
  try {
    await mkdir(db, { recursive: true });
    await run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${db}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--user=root',
    ]);
    const maria = startLogged('mariadbd', [
      '--no-defaults',
      `--datadir=${db}`,
      `--socket=${socket}`,
      `--pid-file=${join(db, 'mysqld.pid')}`,
      '--skip-networking',
      '--user=root',
    ]);
    procs.push(maria.child);
    await waitForSocket(socket, maria.log);
    await run('mariadb', [
      '--no-defaults',
      `--socket=${socket}`,
      '-uroot',
      '-e',
      'CREATE DATABASE wordpress',
    ]);

    await cp(WORDPRESS_ROOT, site, {
      recursive: true,
      filter: (src) => !src.endsWith('.htaccess'),
    });
    await writeFile(join(site, 'wp-config.php'), wpConfig(socket));
    await mkdir(join(site, 'wp-content/mu-plugins'), { recursive: true });
    await writeFile(
      join(site, 'wp-content/mu-plugins/captiondesk-test-switches.php'),
      TEST_SWITCHES,
    );
    await cp(join(HERE, 'wordpress-router.php'), join(site, 'captiondesk-router.php'));
    await cp(join(HERE, 'wordpress-setup.php'), join(site, 'captiondesk-setup.php'));

    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const { stdout } = await run('php', [
      join(site, 'captiondesk-setup.php'),
      url.replace(/\/$/, ''),
      'admin:administrator',
      'editor:editor',
      'contributor:contributor',
    ]);
    const users = JSON.parse(stdout) as Record<string, { id: number; password: string }>;
    const user = (login: string): WpUser => ({ login, ...users[login]! });

    let php = startPhp(site, port);
    procs.push(php.child);
    await waitForPort(port);
    const admin = user('admin');
    const auth = 'Basic ' + Buffer.from(`admin:${admin.password}`).toString('base64');
    return {
      url,
      port,
      editor: user('editor'),
      contributor: user('contributor'),
      async rest<T>(path: string): Promise<T> {
        const res = await fetch(`${url}wp-json/${path}`, { headers: { authorization: auth } });
        if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
        return (await res.json()) as T;
      },
      async php(code: string): Promise<string> {
        const file = join(site, `captiondesk-snippet-${randomBytes(4).toString('hex')}.php`);
        await writeFile(
          file,
          `<?php $_SERVER['HTTP_HOST'] = '127.0.0.1:${port}'; require __DIR__ . '/wp-load.php';\n${code}\n`,
        );
        try {
          return (await run('php', [file])).stdout;
        } finally {
          await rm(file, { force: true });
        }
      },
      died: () =>
        php.child.exitCode !== null || php.child.signalCode !== null
          ? Promise.resolve()
          : new Promise((r) => php.child.once('exit', () => r())),
      async restart() {
        await killTree(php.child);
        php = startPhp(site, port);
        procs.push(php.child);
        await waitForPort(port);
      },
      async startLimited(limit: string) {
        const p = await freePort();
        const limited = startPhp(site, p, [`upload_max_filesize=${limit}`]);
        procs.push(limited.child);
        await waitForPort(p);
        return { url: `http://127.0.0.1:${p}/`, stop: () => killTree(limited.child) };
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitForSocket(socket: string, log: () => string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      await run('mariadb-admin', ['--no-defaults', `--socket=${socket}`, '-uroot', 'ping']);
      return;
    } catch {
      if (Date.now() > until) throw new Error(`MariaDB did not start:\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
