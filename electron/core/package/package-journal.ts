import { mkdir, open, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A package written by buildPackage (from the app or the CLI), as it was when written. */
export interface BuiltRecord {
  type: 'built';
  /** Relative to the state dir (with `/`) when inside it, so the record travels with the folder; else absolute. */
  path: string;
  at: string;
  articleId: string;
  headline: string;
  version: number;
  bytes: number;
  photos: number;
  sha256: string;
}

/** verifyPackage's verdict, for the bytes it read (size and mtime identify them). */
export interface VerifiedRecord {
  type: 'verified';
  path: string;
  at: string;
  ok: boolean;
  bytes: number;
  mtimeMs: number;
}

export type PackageRecord = BuiltRecord | VerifiedRecord;

export function packageJournalPath(stateDir: string): string {
  return join(stateDir, '.captiondesk', 'packages.jsonl');
}

/** The form a path takes in the journal of `stateDir`. */
export function recordedPath(stateDir: string, path: string): string {
  const rel = relative(stateDir, resolve(path));
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return resolve(path);
  return rel.split(sep).join('/');
}

/** A journal path back to an absolute one. */
export function absolutePath(stateDir: string, path: string): string {
  return isAbsolute(path) ? resolve(path) : resolve(stateDir, ...path.split('/'));
}

/**
 * Append one record: a JSON line written and fsynced, so a crash loses at most the line
 * being written. Builds are rare and may come from another process (the CLI while the app
 * is open), so each append opens the file in append mode on its own; a torn last line
 * (a crash mid-write) is closed with a newline first.
 */
export async function appendPackageRecord(stateDir: string, record: PackageRecord): Promise<void> {
  const path = packageJournalPath(stateDir);
  await mkdir(join(stateDir, '.captiondesk'), { recursive: true });
  const fh = await open(path, 'a+', 0o644);
  try {
    const { size } = await fh.stat();
    let torn = false;
    if (size > 0) {
      const last = Buffer.alloc(1);
      await fh.read(last, 0, 1, size - 1);
      torn = last[0] !== 0x0a;
    }
    await fh.write((torn ? '\n' : '') + JSON.stringify(record) + '\n');
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function readPackageJournal(stateDir: string): Promise<PackageRecord[]> {
  let text = '';
  try {
    text = await readFile(packageJournalPath(stateDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return parsePackageJournal(text);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** Lines that are not a whole, known record (a torn line, a newer kind) are skipped. */
export function parsePackageJournal(text: string): PackageRecord[] {
  const out: PackageRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (!r || !isStr(r.path) || !isStr(r.at)) continue;
    if (
      r.type === 'built' &&
      isStr(r.articleId) &&
      isStr(r.headline) &&
      isNum(r.version) &&
      isNum(r.bytes) &&
      isNum(r.photos) &&
      isStr(r.sha256)
    )
      out.push({
        type: 'built',
        path: r.path,
        at: r.at,
        articleId: r.articleId,
        headline: r.headline,
        version: r.version,
        bytes: r.bytes,
        photos: r.photos,
        sha256: r.sha256,
      });
    else if (
      r.type === 'verified' &&
      typeof r.ok === 'boolean' &&
      isNum(r.bytes) &&
      isNum(r.mtimeMs)
    )
      out.push({
        type: 'verified',
        path: r.path,
        at: r.at,
        ok: r.ok,
        bytes: r.bytes,
        mtimeMs: r.mtimeMs,
      });
  }
  return out;
}
