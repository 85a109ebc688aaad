import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  absolutePath,
  appendPackageRecord,
  packageJournalPath,
  readPackageJournal,
  recordedPath,
  type VerifiedRecord,
} from './package-journal';

const verdict = (path: string, ok: boolean): VerifiedRecord => ({
  type: 'verified',
  path,
  at: '2026-01-01T00:00:00.000Z',
  ok,
  bytes: 10,
  mtimeMs: 1,
});

describe('package journal', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('skips a torn last line and starts the next record on a line of its own', async () => {
    dir = await mkdtemp(join(tmpdir(), 'captiondesk-pkg-journal-'));
    await appendPackageRecord(dir, verdict('packages/a.zip', true));
    const path = packageJournalPath(dir);
    await writeFile(path, (await readFile(path, 'utf8')) + '{"type":"verified","pa', 'utf8');
    await appendPackageRecord(dir, verdict('packages/b.zip', false));
    expect(await readPackageJournal(dir)).toEqual([
      verdict('packages/a.zip', true),
      verdict('packages/b.zip', false),
    ]);
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(4);
  });

  it('reads no journal as no packages', async () => {
    dir = await mkdtemp(join(tmpdir(), 'captiondesk-pkg-journal-'));
    await mkdir(join(dir, '.captiondesk'));
    expect(await readPackageJournal(dir)).toEqual([]);
  });

  it('keeps paths inside the folder relative, so the record travels with it', () => {
    expect(recordedPath('/ev/folder', '/ev/folder/packages/x.zip')).toBe('packages/x.zip');
    expect(recordedPath('/ev/folder', '/elsewhere/x.zip')).toBe('/elsewhere/x.zip');
    expect(recordedPath('/ev/folder', '/ev/folder-2/x.zip')).toBe('/ev/folder-2/x.zip');
    expect(absolutePath('/moved/folder', 'packages/x.zip')).toBe('/moved/folder/packages/x.zip');
  });
});
