import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const FIXTURES = resolve(REPO, '../shared/fixtures/photos');

export interface ManifestEntry {
  file: string;
  format: string;
  bytes: number;
  sha256: string;
  make: string | null;
  model: string | null;
  orientation: number | null;
  displayWidth: number;
  displayHeight: number;
  hasGps: boolean;
  gps: { lat: number; lon: number } | null;
  caption: string | null;
  byline: string | null;
  notes: string;
}

export async function manifest(): Promise<ManifestEntry[]> {
  return JSON.parse(await readFile(join(FIXTURES, 'manifest.json'), 'utf8')) as ManifestEntry[];
}

export async function tempDir(prefix = 'captiondesk-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A writable copy of the fixture photos: the originals are never touched. */
export async function copyFixtures(names?: string[]): Promise<string> {
  const dir = await tempDir('captiondesk-fixtures-');
  const all = (await readdir(FIXTURES)).filter((n) => n !== 'manifest.json' && n !== 'SOURCES.md');
  for (const n of names ?? all) {
    await cp(join(FIXTURES, n), join(dir, n));
    await chmod(join(dir, n), 0o644);
  }
  return dir;
}

export async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

export async function checksums(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const n of await readdir(dir))
    if (!n.endsWith('.xmp') && !n.startsWith('.')) out.set(n, await sha256(join(dir, n)));
  return out;
}
