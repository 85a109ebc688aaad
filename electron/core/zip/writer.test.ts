import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenOutputFile } from './atomic-output';
import { ZipWriteError } from './errors';
import { openZip } from './reader';
import { noise } from './testing/noise';
import { writeZip, type ZipEntryInput } from './writer';

const hasPython = spawnSync('python3', ['--version']).status === 0;
const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

const html = Buffer.from('<p>Phó Bí thư Tỉnh ủy phát biểu tại hội nghị.</p>\n'.repeat(200));
const entries = (): ZipEntryInput[] => [
  { path: 'manifest.json', data: Buffer.from('{"hello":"xin chào"}') },
  { path: 'photos/baolaocai-tl_dsc-2409.jpg', data: noise(300_000, 'a'), compress: false },
  // NFD on the way in (as macOS file names often are), NFC in the zip.
  { path: 'photos/ảnh-hội-nghị.jpg'.normalize('NFD'), data: noise(5000, 'b'), compress: false },
  { path: 'article.html', data: html },
  { path: 'newsml.xml', data: async () => Buffer.from('<newsMessage/>') },
  { path: 'empty.txt', data: Buffer.alloc(0) },
];

const python = (script: string, ...args: string[]) =>
  execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cd-zip-writer-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeZip', () => {
  it('round-trips through our reader, NFC names, JPEGs stored and text deflated', async () => {
    const out = join(dir, 'pkg.zip');
    const result = await writeZip(entries(), out);
    const bytes = await readFile(out);
    expect(result.bytes).toBe(bytes.length);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    const zip = await openZip(out);
    try {
      expect(zip.entries.map((e) => e.name)).toEqual([
        'manifest.json',
        'photos/baolaocai-tl_dsc-2409.jpg',
        'photos/ảnh-hội-nghị.jpg'.normalize('NFC'),
        'article.html',
        'newsml.xml',
        'empty.txt',
      ]);
      expect(zip.get('photos/baolaocai-tl_dsc-2409.jpg')!.method).toBe(0);
      expect(zip.get('article.html')!.method).toBe(8);
      expect(zip.get('article.html')!.compressedSize).toBeLessThan(html.length / 10);
      for (const e of entries()) {
        const data = typeof e.data === 'function' ? await e.data() : e.data;
        expect((await zip.read(e.path)).equals(Buffer.from(data))).toBe(true);
      }
    } finally {
      await zip.close();
    }
  });

  it.skipIf(!hasPython)(
    'is read by python zipfile: testzip() is None, flags and fields as promised',
    async () => {
      const out = join(dir, 'pkg.zip');
      await writeZip(entries(), out);
      const report = python(
        `import zipfile,sys,json
z=zipfile.ZipFile(sys.argv[1])
print(json.dumps({"test": z.testzip(), "names": [i.filename for i in z.infolist()],
  "utf8": [bool(i.flag_bits & 0x800) for i in z.infolist()],
  "system": sorted({i.create_system for i in z.infolist()}),
  "dates": sorted({i.date_time for i in z.infolist()}),
  "extra": [i.extra.hex() for i in z.infolist()],
  "mode": sorted({oct(i.external_attr >> 16) for i in z.infolist()}),
  "html": z.read("article.html").decode("utf-8") == sys.argv[2]}))`,
        out,
        html.toString('utf8'),
      );
      const r = JSON.parse(report) as Record<string, unknown>;
      expect(r.test).toBeNull();
      expect(r.names).toHaveLength(6);
      expect(r.names).toContain('photos/ảnh-hội-nghị.jpg'.normalize('NFC'));
      expect(r.utf8).toEqual([true, true, true, true, true, true]);
      expect(r.system).toEqual([3]);
      expect(r.dates).toEqual([[1980, 1, 1, 0, 0, 0]]);
      expect(r.extra).toEqual(['', '', '', '', '', '']);
      expect(r.mode).toEqual(['0o100644']);
      expect(r.html).toBe(true);
    },
  );

  it.skipIf(!hasUnzip)('passes unzip -t', async () => {
    const out = join(dir, 'pkg.zip');
    await writeZip(entries(), out);
    const run = spawnSync('unzip', ['-t', out], { encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('No errors detected');
  });

  it.skipIf(!hasPython)('writes an empty zip that python can open', async () => {
    const out = join(dir, 'empty.zip');
    expect((await writeZip([], out)).bytes).toBe(22);
    expect(
      python('import zipfile,sys; print(len(zipfile.ZipFile(sys.argv[1]).infolist()))', out).trim(),
    ).toBe('0');
  });

  it('is deterministic: same entries, same bytes, whatever the time or the way data is given', async () => {
    const a = await writeZip(entries(), join(dir, 'a.zip'));
    await new Promise((r) => setTimeout(r, 1100)); // a wall-clock second passes
    const lazy = entries().map((e) => ({
      ...e,
      data: async () => (typeof e.data === 'function' ? e.data() : e.data),
    }));
    const b = await writeZip(lazy, join(dir, 'b.zip'));
    expect(b.sha256).toBe(a.sha256);
    expect((await readFile(join(dir, 'a.zip'))).equals(await readFile(join(dir, 'b.zip')))).toBe(
      true,
    );

    const dated = await writeZip(entries(), join(dir, 'c.zip'), {
      modified: new Date('2026-03-14T09:26:53Z'),
    });
    expect(dated.sha256).not.toBe(a.sha256);
    expect(
      (
        await writeZip(entries(), join(dir, 'd.zip'), {
          modified: new Date('2026-03-14T09:26:53Z'),
        })
      ).sha256,
    ).toBe(dated.sha256);
    if (hasPython) {
      const stamp = python(
        'import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).infolist()[0].date_time)',
        join(dir, 'c.zip'),
      );
      expect(stamp.trim()).toBe('(2026, 3, 14, 9, 26, 52)'); // DOS time has 2-second steps
    }
  });

  it('writes these exact bytes (stored members do not depend on zlib, the clock or the time zone)', async () => {
    const chunks: Uint8Array[] = [];
    const result = await writeZip(
      [
        { path: 'manifest.json', data: Buffer.from('{}'), compress: false },
        { path: 'photos/ảnh.jpg', data: Buffer.from([0xff, 0xd8, 0xff, 0xd9]), compress: false },
      ],
      { write: async (c) => void chunks.push(c) },
      { modified: new Date('2026-03-14T09:26:53Z') },
    );
    // Hand-checked: flags 0800, time 4b5a = 09:26:52, date 5c6e = 2026-03-14, mode 100644.
    const golden =
      '504b03041400000800005a4b6e5c43bfa6a302000000020000000d0000006d616e69666573742e6a736f6e7b7d' +
      '504b03041400000800005a4b6e5c672af01004000000040000001000000070686f746f732fe1baa36e682e6a7067ffd8ffd9' +
      '504b010214031400000800005a4b6e5c43bfa6a302000000020000000d0000000000000000000000a4810000' +
      '00006d616e69666573742e6a736f6e' +
      '504b010214031400000800005a4b6e5c672af0100400000004000000100000000000000000000000a4812d000000' +
      '70686f746f732fe1baa36e682e6a7067' +
      '504b05060000000002000200790000005f0000000000';
    expect(Buffer.concat(chunks).toString('hex')).toBe(golden);
    expect(result).toEqual({
      bytes: 238,
      sha256: 'bab1db6a0cfb13c5aabf5edea657c144d5f325d2fc93d522c9b191fc64098d6d',
    });
  });

  it('streams to a ByteSink the same bytes it writes to a file', async () => {
    const chunks: Uint8Array[] = [];
    const streamed = await writeZip(entries(), {
      write: async (c) => void chunks.push(Buffer.from(c)),
    });
    const file = await writeZip(entries(), join(dir, 'f.zip'));
    expect(streamed).toEqual(file);
    expect(Buffer.concat(chunks).equals(await readFile(join(dir, 'f.zip')))).toBe(true);
  });

  it('stores rather than deflates data so repetitive our reader would call it a bomb', async () => {
    const out = join(dir, 'zeros.zip');
    await writeZip([{ path: 'blank.xml', data: Buffer.alloc(5 * 1024 * 1024) }], out);
    const zip = await openZip(out);
    try {
      expect(zip.get('blank.xml')!.method).toBe(0);
      expect((await zip.read('blank.xml')).length).toBe(5 * 1024 * 1024);
    } finally {
      await zip.close();
    }
  });
});

describe('writeZip refuses, before writing anything', () => {
  const cases: [string, ZipEntryInput[], RegExp][] = [
    ['a traversal', [{ path: '../x', data: Buffer.alloc(1) }], /"\.\." segment/],
    ['an absolute path', [{ path: '/etc/x', data: Buffer.alloc(1) }], /absolute/],
    ['a backslash', [{ path: 'photos\\x.jpg', data: Buffer.alloc(1) }], /backslash/],
    ['a directory', [{ path: 'photos/', data: Buffer.alloc(0) }], /directory/],
    [
      'names equal but for case',
      [
        { path: 'Photo.jpg', data: Buffer.alloc(1) },
        { path: 'photo.JPG', data: Buffer.alloc(1) },
      ],
      /collides/,
    ],
    [
      'names equal but for normalisation',
      [
        { path: 'ả.jpg'.normalize('NFC'), data: Buffer.alloc(1) },
        { path: 'ả.jpg'.normalize('NFD'), data: Buffer.alloc(1) },
      ],
      /collides/,
    ],
  ];
  it.each(cases)('%s', async (_label, list, reason) => {
    await expect(writeZip(list, join(dir, 'x.zip'))).rejects.toThrow(reason);
    await expect(writeZip(list, join(dir, 'x.zip'))).rejects.toBeInstanceOf(ZipWriteError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('more entries or bytes than the limits (or the non-ZIP64 format) allow', async () => {
    const three = [1, 2, 3].map((i) => ({ path: `f${i}`, data: Buffer.alloc(10) }));
    await expect(
      writeZip(three, join(dir, 'x.zip'), { limits: { maxEntries: 2 } }),
    ).rejects.toThrow(/3 entries/);
    await expect(
      writeZip(three, join(dir, 'x.zip'), { limits: { maxTotalUncompressed: 25 } }),
    ).rejects.toThrow(/exceed 25 bytes/);
    const many = Array.from({ length: 70_000 }, (_, i) => ({
      path: `f${i}`,
      data: Buffer.alloc(0),
    }));
    await expect(
      writeZip(many, join(dir, 'x.zip'), { limits: { maxEntries: 100_000 } }),
    ).rejects.toThrow(/more than the 65534/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a date DOS cannot hold', async () => {
    await expect(
      writeZip(entries(), join(dir, 'x.zip'), { modified: new Date('1979-12-31T00:00:00Z') }),
    ).rejects.toThrow(/1980-2107/);
  });
});

describe('writeZip is atomic', () => {
  /** A file system that fills up after `capacity` bytes, as a full disk does: a short write, then ENOSPC. */
  const fullDisk =
    (capacity: number, real: OpenOutputFile): OpenOutputFile =>
    async (path) => {
      const file = await real(path);
      let used = 0;
      return {
        write: async (buffer, offset, length) => {
          const room = capacity - used;
          if (room <= 0) {
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
              code: 'ENOSPC',
            });
          }
          const n = Math.min(room, length);
          used += n;
          return file.write(buffer, offset, n);
        },
        sync: () => file.sync(),
        close: () => file.close(),
      };
    };
  const realOpen: OpenOutputFile = async (path) =>
    (await import('node:fs/promises')).open(path, 'wx');

  it('leaves neither the final file nor a temp when the disk fills midway', async () => {
    const out = join(dir, 'pkg.zip');
    const big = [
      ...entries(),
      { path: 'photos/big.jpg', data: noise(3 * 1024 * 1024, 'c'), compress: false },
    ];
    await expect(
      writeZip(big, out, { openFile: fullDisk(1_500_000, realOpen) }),
    ).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves nothing when an entry fails to load midway', async () => {
    const out = join(dir, 'pkg.zip');
    const failing = [
      ...entries(),
      {
        path: 'photos/gone.jpg',
        data: () => Promise.reject(new Error('photo vanished')),
      },
    ];
    await expect(writeZip(failing, out)).rejects.toThrow('photo vanished');
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the previous package intact when rewriting it fails', async () => {
    const out = join(dir, 'pkg.zip');
    await writeFile(out, 'previous package');
    await expect(writeZip(entries(), out, { openFile: fullDisk(1000, realOpen) })).rejects.toThrow(
      /ENOSPC/,
    );
    expect(await readdir(dir)).toEqual(['pkg.zip']);
    expect(await readFile(out, 'utf8')).toBe('previous package');
    await writeZip(entries(), out);
    expect(await readdir(dir)).toEqual(['pkg.zip']);
  });
});
