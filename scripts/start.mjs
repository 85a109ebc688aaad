/**
 * `npm start`: CaptionDesk in Electron, through Electron Forge and the Vite dev server.
 *
 * Electron 42 and later download the Electron binary on first use, not at install.
 * Without a network, `electron-forge start` would end in a stack trace; this checks
 * first and says in one line what happened and what works instead.
 *
 * Arguments go to the app (`npm start -- ~/Ảnh/2024-12-26` opens that folder);
 * to give Forge options, put them before a `--` (`npm start -- --enable-logging --`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));

function fail(message) {
  process.stderr.write(`CaptionDesk: ${message}\n`);
  process.exit(1);
}

/** The first line of a child's output that names an error, e.g. "TypeError: fetch failed". */
export function errorLine(output) {
  const line = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => /^([A-Z]\w*)?Error\b[^:]*:\s*\S/.test(l));
  return line ?? null;
}

function electronBinaryPresent() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathTxt = path.join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return false;
  const exe = readFileSync(pathTxt, 'utf8');
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  return existsSync(path.join(dist, exe));
}

/** Requiring `electron` is what downloads it; do that in a child so its stack trace stays there. */
function ensureElectron() {
  if (!electronBinaryPresent() && process.stderr.isTTY) {
    process.stderr.write('CaptionDesk: getting the Electron binary (first start only)…\n');
  }
  const probe = spawnSync(process.execPath, ['-e', "require('electron')"], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (probe.status === 0) return;
  const reason =
    errorLine(`${probe.stderr ?? ''}\n${probe.stdout ?? ''}`) ??
    probe.error?.message ??
    `exit code ${probe.status}`;
  fail(
    `the Electron binary could not be downloaded (${reason}). ` +
      'Check the network, or run the same UI in your browser with: npm run web',
  );
}

/** npm runs scripts from the project root; a relative folder means the user's own directory. */
function appArgs(args) {
  const from = process.env.INIT_CWD || process.cwd();
  return args.map((arg) => {
    if (arg.startsWith('-') || path.isAbsolute(arg)) return arg;
    const candidate = path.resolve(from, arg);
    return existsSync(candidate) && statSync(candidate).isDirectory() ? candidate : arg;
  });
}

function forgeArgs(args) {
  const dash = args.indexOf('--');
  if (dash === -1) return ['start', '--', ...appArgs(args)];
  return ['start', ...args.slice(0, dash), '--', ...appArgs(args.slice(dash + 1))];
}

function main() {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    fail(`Electron Forge needs Node 22.12 or later; this is Node ${process.versions.node}.`);
  }
  ensureElectron();
  const cli = path.join(
    path.dirname(require.resolve('@electron-forge/cli/package.json')),
    'dist',
    'electron-forge.js',
  );
  const child = spawn(process.execPath, [cli, ...forgeArgs(process.argv.slice(2))], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
