import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../../../test/helpers/fixtures';
import { IngestJournal, journalPath } from './journal';
import { landFile, NameTakenError } from './land-file';

let dir: string;
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('ingest journal', () => {
  it('survives a torn last line: it is ignored and the next line starts fresh', async () => {
    dir = await tempDir();
    await mkdir(join(dir, '.captiondesk'));
    await writeFile(
      journalPath(dir),
      '{"sha256":"aa","size":1,"dest":"A.JPG","seqn":4}\n{"sha256":"bb","si',
    );
    const j = await IngestJournal.open(dir);
    expect(j.entries).toEqual([{ sha256: 'aa', size: 1, dest: 'A.JPG', seqn: 4 }]);
    await j.append({ sha256: 'cc', size: 2, dest: 'C.JPG' });
    await j.close();
    const again = await IngestJournal.open(dir);
    expect(again.entries.map((e) => e.dest)).toEqual(['A.JPG', 'C.JPG']);
    expect((await readFile(journalPath(dir), 'utf8')).endsWith('\n')).toBe(true);
  });
});

describe('landFile', () => {
  it('never replaces a file under the final name', async () => {
    dir = await tempDir();
    await writeFile(join(dir, 'A.JPG.part'), 'new');
    await writeFile(join(dir, 'A.JPG'), 'old');
    await expect(landFile(join(dir, 'A.JPG.part'), join(dir, 'A.JPG'))).rejects.toBeInstanceOf(
      NameTakenError,
    );
    expect(await readFile(join(dir, 'A.JPG'), 'utf8')).toBe('old');
    await landFile(join(dir, 'A.JPG.part'), join(dir, 'B.JPG'));
    expect(await readFile(join(dir, 'B.JPG'), 'utf8')).toBe('new');
    await expect(readFile(join(dir, 'A.JPG.part'))).rejects.toThrow();
  });
});
