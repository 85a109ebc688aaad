import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatFromName, RAW_FORMATS } from '../formats/detect';
import { errorInfo, type ErrorInfo } from '../../contract/errors';

export interface SourceFile {
  /** Absolute path on the card, as on disk. */
  path: string;
  /** The folder it sits in (a RAW+JPEG pair shares it). */
  dir: string;
  /** NFC file name. */
  name: string;
  size: number;
  raw: boolean;
  /** Index of the source folder it came from, for a stable order across cards. */
  source: number;
}

export interface ListProblem {
  path: string;
  error: string;
  info: ErrorInfo;
}

/**
 * Every photo under the source folders, recursively (a card's DCIM/100CANON,
 * 101CANON…), hidden files and folders skipped, the destinations themselves skipped
 * (a source may contain them). Only reads: the card is never written to.
 */
export async function listSources(
  sources: string[],
  exclude: string[],
): Promise<{ files: SourceFile[]; problems: ListProblem[] }> {
  const files: SourceFile[] = [];
  const problems: ListProblem[] = [];
  const skip = new Set(exclude.map((p) => resolve(p)));
  const seen = new Set<string>();

  async function walk(dir: string, source: number): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({
        path: dir,
        error: `cannot read folder ${dir}: ${reason(err)}`,
        info: sourceErrorInfo(err, dir),
      });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!skip.has(resolve(path))) await walk(path, source);
        continue;
      }
      const format = formatFromName(e.name);
      if (!format || seen.has(path)) continue;
      seen.add(path);
      try {
        // stat follows a symlink; a FIFO or device named like a photo would block or lie.
        const st = await stat(path);
        if (!st.isFile())
          throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
        files.push({
          path,
          dir,
          name: e.name.normalize('NFC'),
          size: st.size,
          raw: RAW_FORMATS.has(format),
          source,
        });
      } catch (err) {
        problems.push({ path, error: `${path}: ${reason(err)}`, info: sourceErrorInfo(err, path) });
      }
    }
  }

  for (const [i, s] of sources.entries()) await walk(resolve(s), i);
  return { files, problems };
}

/** A card path we cannot read: its errno's code, else unreadable. */
export function sourceErrorInfo(err: unknown, path: string): ErrorInfo {
  return errorInfo(err, path, { code: 'ingest-source-unreadable', params: { path } });
}

export function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file (card removed?)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EIO':
      return 'read error (damaged card?)';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTFILE':
      return 'not a regular file';
    case 'ENOSPC':
      return 'the destination disk is full';
    default:
      return e?.message ?? String(err);
  }
}
