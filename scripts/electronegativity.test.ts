/**
 * The electronegativity gate (`npm run lint:electron`) as CI runs it: a child
 * process, on the real electron/ folder and on planted copies of electron/shell/.
 */
import { execFile, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { gate, parseAccepted, type AcceptedFinding } from './electronegativity-gate';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = path.join(REPO, 'node_modules/.bin/tsx');
const SCRIPT = path.join(REPO, 'scripts/electronegativity.ts');
// As root, a fresh network namespace has no interface but a downed loopback: no network at all.
const canUnshare = spawnSync('unshare', ['-n', 'true']).status === 0;

interface Scan {
  code: number;
  stdout: string;
  stderr: string;
}

function scan(args: string[], offline = false): Promise<Scan> {
  const [cmd, argv] = offline
    ? ['unshare', ['-n', process.execPath, TSX, SCRIPT, ...args]]
    : [process.execPath, [TSX, SCRIPT, ...args]];
  return new Promise((done) => {
    execFile(cmd, argv, { cwd: REPO, timeout: 120_000 }, (err, stdout, stderr) =>
      done({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let planted: string | undefined;
afterEach(async () => {
  if (planted) await rm(planted, { recursive: true, force: true });
  planted = undefined;
});

/** electron/shell/ copied to a temp folder (as `shell/`, the path the accepted list uses), edited. */
async function plantShell(file: string, edit: (text: string) => string): Promise<string> {
  planted = await mkdtemp(path.join(tmpdir(), 'captiondesk-electronegativity-'));
  await cp(path.join(REPO, 'electron/shell'), path.join(planted, 'shell'), { recursive: true });
  const target = path.join(planted, 'shell', file);
  const before = await readFile(target, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  await writeFile(target, after);
  return planted;
}

describe('npm run lint:electron', () => {
  it.skipIf(!canUnshare)('passes on electron/ with no network at all', async () => {
    const run = await scan([], true);
    expect(run.stderr + run.stdout).toMatch(/each accepted with its reason/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('offline (skipped: AvailableSecurityFixesGlobalCheck)');
  });

  it('passes on electron/ and refuses the connections the scanner tries on its own', async () => {
    const run = await scan([]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/as Electron \d+\.\d+\.\d+, offline/);
    expect(run.stdout).toMatch(/refused \d+ connection attempt\(s\) by the scanner/);
    expect(run.stdout).toContain('accepted OPEN_EXTERNAL_JS_CHECK shell/security.ts');
  });

  it('fails on a window planted with nodeIntegration: true, naming the check and the line', async () => {
    // Without the sandbox line: the scanner (rightly) lets sandbox: true cover nodeIntegration,
    // and beside sandbox: false it names only the sandbox (checked below).
    const dir = await plantShell('main.ts', (t) =>
      t
        .replace('nodeIntegration: false,', 'nodeIntegration: true,')
        .replace(/^\s*sandbox: true,\n/m, ''),
    );
    const run = await scan(['--input', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/UNEXPLAINED NODE_INTEGRATION_JS_CHECK shell\/main\.ts:\d+/);
    expect(run.stderr).toContain('nodeIntegration: true');
  });

  it('fails on a window planted with sandbox: false', async () => {
    const dir = await plantShell('main.ts', (t) => t.replace('sandbox: true,', 'sandbox: false,'));
    const run = await scan(['--input', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/UNEXPLAINED SANDBOX_JS_CHECK shell\/main\.ts:\d+/);
    expect(run.stderr).toContain('sandbox: false');
  });

  it('fails on a window planted with contextIsolation: false', async () => {
    const dir = await plantShell('main.ts', (t) =>
      t.replace('contextIsolation: true,', 'contextIsolation: false,'),
    );
    const run = await scan(['--input', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/UNEXPLAINED CONTEXT_ISOLATION_JS_CHECK shell\/main\.ts:\d+/);
  });

  it('fails on each other preference the checklist forbids', async () => {
    const dir = await plantShell('main.ts', (t) =>
      t
        .replace('webSecurity: true,', 'webSecurity: false,')
        .replace('allowRunningInsecureContent: false,', 'allowRunningInsecureContent: true,')
        .replace(
          'experimentalFeatures: false,',
          "experimentalFeatures: true,\n      enableBlinkFeatures: 'CSSVariables',",
        ),
    );
    const run = await scan(['--input', dir]);
    expect(run.code).toBe(1);
    for (const check of [
      'WEB_SECURITY_JS_CHECK',
      'INSECURE_CONTENT_JS_CHECK',
      'EXPERIMENTAL_FEATURES_JS_CHECK',
      'BLINK_FEATURES_JS_CHECK',
    ]) {
      expect(run.stderr).toMatch(new RegExp(`UNEXPLAINED ${check} shell/main\\.ts:\\d+`));
    }
  });

  it('fails when the permission handler or the window-open handler is gone', async () => {
    const dir = await plantShell('security.ts', (t) =>
      t
        .replace(/^.*setPermissionRequestHandler.*\n/m, '')
        .replace(
          'contents.setWindowOpenHandler(({ url }) => {',
          "contents.on('focus', ({ url }) => {",
        ),
    );
    const run = await scan(['--input', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('UNEXPLAINED PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
    expect(run.stderr).toContain('UNEXPLAINED LIMIT_NAVIGATION_GLOBAL_CHECK');
  });

  it('fails when an accepted finding is gone, so the list stays honest', async () => {
    const dir = await plantShell('security.ts', (t) =>
      t.replace('if (isAllowedExternal(url)) void shell.openExternal(url);', 'void url;'),
    );
    const run = await scan(['--input', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/STALE OPEN_EXTERNAL_JS_CHECK shell\/security\.ts/);
    expect(run.stderr).not.toMatch(/UNEXPLAINED/);
  });
});

describe('the gate', () => {
  const entry: AcceptedFinding = {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'shell/security.ts',
    code: 'shell.openExternal(url)',
    reason: 'only after the allowlist check in isAllowedExternal',
  };
  const finding = {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'shell/security.ts',
    line: 35,
    code: 'if (ok) void shell.openExternal(url);',
  };

  it('explains a finding by check, file and the text of its line, wherever the line moved', () => {
    const result = gate([{ ...finding, line: 99 }], [entry]);
    expect(result.unexplained).toEqual([]);
    expect(result.stale).toEqual([]);
    expect(result.explained).toHaveLength(1);
  });

  it('does not let an entry excuse the same check on other code or in another file', () => {
    const other = { ...finding, code: 'shell.openExternal(event.url);' };
    const elsewhere = { ...finding, file: 'shell/main.ts' };
    const result = gate([other, elsewhere], [entry]);
    expect(result.unexplained).toEqual([other, elsewhere]);
    expect(result.stale).toEqual([entry]);
  });

  it('refuses an accepted entry without a reason', () => {
    const list = (reason: string) => JSON.stringify({ accepted: [{ ...entry, reason }] });
    expect(() => parseAccepted(list(''), 'a.json')).toThrow(/entry 1 needs a non-empty "reason"/);
    expect(() => parseAccepted(list('fine'), 'a.json')).toThrow(/needs a reason, not a word/);
    expect(parseAccepted(list(entry.reason), 'a.json')).toEqual([entry]);
  });

  it('keeps the checked-in list well formed', async () => {
    const file = path.join(REPO, 'security/electronegativity-accepted.json');
    expect(parseAccepted(await readFile(file, 'utf8'), file).length).toBeGreaterThan(0);
  });
});
