import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { openZip } from '../zip';
import type { JobFile } from './types';

export const READY_MARKER = 'READY';

/** Text the desk's watcher may ingest once photos are up; manifest.json goes last of all. */
const TEXT_MEMBERS = ['article.html', 'newsml.xml'];

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export function packageNameOf(packagePath: string): string {
  return basename(packagePath).replace(/\.zip$/i, '');
}

/**
 * The fixed upload order: photos (every other member) first, then the article text,
 * then manifest.json, so a desk that ingests on the READY marker (sent after all of
 * them) never sees a manifest naming photos that are not there yet.
 */
export function uploadOrder(names: string[]): string[] {
  const rank = (n: string) => (n === 'manifest.json' ? 2 : TEXT_MEMBERS.includes(n) ? 1 : 0);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Extract the package's members (CRC-checked by the safe reader) into a staging
 * folder, so a resumed upload can read any member from any byte offset.
 */
export async function stagePackage(packagePath: string, stagingDir: string): Promise<JobFile[]> {
  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(stagingDir, { recursive: true });
  const zip = await openZip(packagePath);
  try {
    const names = zip.entries.filter((e) => !e.isDirectory).map((e) => e.name);
    const files: JobFile[] = [];
    for (const name of uploadOrder(names)) {
      const data = await zip.read(name);
      const local = join(stagingDir, name);
      await mkdir(dirname(local), { recursive: true });
      await writeFile(local, data);
      files.push({
        name,
        bytes: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        done: false,
      });
    }
    return files;
  } finally {
    await zip.close();
  }
}
