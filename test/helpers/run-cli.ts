/** The CLI as a user runs it: `tsx electron/cli/main.ts …` in a child process of its own. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { REPO } from './fixtures';

const TSX = join(REPO, 'node_modules/.bin/tsx');
const CLI = join(REPO, 'electron/cli/main.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout followed by stderr, for failure messages. */
  out: string;
}

/** Exit code and what the CLI printed; `env` comes on top of this process's environment. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      TSX,
      [CLI, ...args],
      { env: { ...process.env, ...env }, maxBuffer: 32 << 20 },
      (err, stdout, stderr) =>
        done({
          code: err ? ((err as { code?: number }).code ?? 1) : 0,
          stdout,
          stderr,
          out: stdout + stderr,
        }),
    );
  });
}

/**
 * `captiondesk article import <folder> <structure.json>` for an article given as an object
 * (written to `structureFile` first); the import must succeed. Resolves with the article id.
 */
export async function importArticle(
  folder: string,
  structure: unknown,
  structureFile: string,
  env: Record<string, string>,
): Promise<string> {
  await writeFile(structureFile, JSON.stringify(structure));
  const imported = await runCli(['article', 'import', folder, structureFile], env);
  expect(imported.code, imported.out).toBe(0);
  return imported.stdout.trim();
}

export interface CliExit {
  /** null when the process was killed. */
  code: number | null;
  out: string;
  err: string;
  /** stdout and stderr interleaved as they arrived. */
  all: string;
}

/**
 * The CLI started and left running, for tests that kill it or watch it: node itself with
 * tsx as a loader, so that a signal reaches the CLI and not a tsx process in between.
 */
export function startCli(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<CliExit> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit: CliExit = { code: null, out: '', err: '', all: '' };
  child.stdout?.on('data', (d: Buffer) => {
    exit.out += d.toString();
    exit.all += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    exit.err += d.toString();
    exit.all += d.toString();
  });
  const done = new Promise<CliExit>((resolve) =>
    child.on('close', (code) => resolve({ ...exit, code })),
  );
  return { child, done };
}
