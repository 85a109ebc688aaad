import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, symlink, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeLogIo, RotatingLog, type LogIo } from './rotating-log';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function temp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'captiondesk-log-'));
  dirs.push(d);
  return d;
}
const line = (i: number) => JSON.stringify({ i, pad: 'x'.repeat(80) });

describe('RotatingLog', () => {
  it('rotates before a file would pass maxBytes and keeps `keep` old files, newest first', async () => {
    const dir = await temp();
    const log = new RotatingLog(join(dir, 'logs', 'captiondesk.log'), { maxBytes: 1000, keep: 3 });
    for (let i = 0; i < 100; i++) log.write(line(i));
    await log.flush();
    const files = log.files();
    expect(files.map((f) => existsSync(f))).toEqual([true, true, true, true]);
    expect(existsSync(`${log.path}.4`)).toBe(false);
    const seen: number[][] = [];
    for (const f of files) {
      expect((await stat(f)).size).toBeLessThanOrEqual(1000);
      const lines = (await readFile(f, 'utf8')).split('\n').filter(Boolean);
      seen.push(lines.map((l) => (JSON.parse(l) as { i: number }).i));
    }
    // The current file ends with the last line; each older file ends where the newer begins.
    expect(seen[0]!.at(-1)).toBe(99);
    for (let k = 1; k < seen.length; k++) expect(seen[k]!.at(-1)! + 1).toBe(seen[k - 1]![0]);
    const tail = await log.tail(25);
    expect(tail.map((l) => (JSON.parse(l) as { i: number }).i)).toEqual(
      Array.from({ length: 25 }, (_, k) => 75 + k),
    );
  });

  it('on a real full device (/dev/full, ENOSPC) drops and counts lines, and never throws', async () => {
    const dir = await temp();
    await mkdir(join(dir, 'logs'));
    const path = join(dir, 'logs', 'captiondesk.log');
    await symlink('/dev/full', path);
    const log = new RotatingLog(path);
    expect(() => {
      for (let i = 0; i < 5; i++) log.write(line(i));
    }).not.toThrow();
    await log.flush();
    expect(log.dropped).toBe(5);
    expect(log.lastWriteError).toBe('ENOSPC');
  });

  it('goes on writing once space is back; a torn line never swallows the next', async () => {
    const dir = await temp();
    let full = false;
    const io: LogIo = {
      ...nodeLogIo,
      async appendFile(path, text) {
        if (!full) return nodeLogIo.appendFile(path, text);
        // A disk that fills mid-write: a few bytes land, then ENOSPC.
        await nodeLogIo.appendFile(path, text.slice(0, 20));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      },
    };
    const log = new RotatingLog(join(dir, 'app.log'), { io });
    log.write(line(1));
    await log.flush();
    full = true;
    log.write(line(2));
    log.write(line(3));
    await log.flush();
    expect(log.dropped).toBe(2);
    full = false;
    log.write(line(4));
    await log.flush();
    const lines = (await readFile(log.path, 'utf8')).split('\n').filter(Boolean);
    const parsed = lines.flatMap((l) => {
      try {
        return [(JSON.parse(l) as { i: number }).i];
      } catch {
        return [];
      }
    });
    expect(parsed).toEqual([1, 4]);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ i: 4 });
  });

  it('drops what waits beyond maxQueue instead of holding it in memory', async () => {
    const dir = await temp();
    const log = new RotatingLog(join(dir, 'app.log'), { maxQueue: 10 });
    for (let i = 0; i < 50; i++) log.write(line(i));
    await log.flush();
    // The first write starts at once; at most maxQueue more wait behind it.
    expect(log.dropped).toBeGreaterThanOrEqual(39);
    expect((await log.tail(100)).length).toBe(50 - log.dropped);
  });
});
