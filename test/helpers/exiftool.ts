import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';

const run = promisify(execFile);

export const hasExiftool = existsSync('/usr/bin/exiftool') || existsSync('/usr/local/bin/exiftool');

/** The reference reader: `exiftool -j -G1 -a` on one or more files. */
export async function exiftool(
  files: string[],
  extra: string[] = [],
): Promise<Record<string, unknown>[]> {
  const { stdout } = await run('exiftool', ['-j', '-G1', '-a', ...extra, ...files], {
    maxBuffer: 64 << 20,
  });
  return JSON.parse(stdout) as Record<string, unknown>[];
}

/** `exiftool -validate -warning -a`: every warning line of one file (JSON would merge them). */
export async function validateWarnings(file: string): Promise<string[]> {
  const { stdout } = await run('exiftool', ['-validate', '-warning', '-a', '-s', file]);
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('Warning'))
    .map((l) => l.replace(/^Warning\s*:\s*/, '').trim());
}
