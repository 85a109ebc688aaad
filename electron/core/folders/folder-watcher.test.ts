import { afterEach, describe, expect, it, vi } from 'vitest';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FolderWatcher } from './folder-watcher';
import { tempDir } from '../../../test/helpers/fixtures';

type Noting = { note(dir: string, name: string | null): void };

let dir = '';
afterEach(async () => {
  vi.useRealTimers();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A watcher whose OS reports the test makes itself, on a fake clock. */
async function watcher() {
  dir = await tempDir();
  vi.useFakeTimers();
  const reports: (string[] | null)[] = [];
  const w = new FolderWatcher(dir, dir, (files) => reports.push(files), 150, 500);
  const note = (name: string | null) => (w as unknown as Noting).note(dir, name);
  return { w, note, reports };
}

describe('folder watcher', () => {
  it('reports files landing one after another while the copy goes on, not only at its end', async () => {
    const { w, note, reports } = await watcher();
    for (let i = 0; i < 20; i++) {
      note(`DSC-${i}.JPG`);
      vi.advanceTimersByTime(100); // a new file every 100 ms: the debounce alone would never fire
    }
    vi.advanceTimersByTime(1000);
    w.close();
    expect(reports.length).toBeGreaterThanOrEqual(4);
    expect(reports.flat()).toEqual(Array.from({ length: 20 }, (_, i) => `DSC-${i}.JPG`));
  });

  it('ignores our own writes and temp files, and asks for a full compare when the OS gives no name', async () => {
    const { w, note, reports } = await watcher();
    w.ignoreOwnWrite(join(dir, 'a.xmp'));
    note('a.xmp');
    note('.a.xmp.1234.tmp');
    vi.advanceTimersByTime(1000);
    expect(reports).toEqual([]);
    note('b.xmp');
    note(null);
    vi.advanceTimersByTime(1000);
    w.close();
    expect(reports).toEqual([null]);
  });
});
