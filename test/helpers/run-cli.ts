/** The CLI as a user runs it: `tsx electron/cli/main.ts …` in a child process of its own. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './fixtures';

const TSX = join(REPO, 'node_modules/.bin/tsx');
const CLI = join(REPO, 'electron/cli/main.ts');

/** Exit code, and stdout followed by stderr (for failure messages). */
export function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(TSX, [CLI, ...args], { env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}
