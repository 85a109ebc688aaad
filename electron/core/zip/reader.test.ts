import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnsafePackageError } from './errors';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits';
import { openZip } from './reader';
import {
  rawZip,
  writeRawZip,
  zeroBomb,
  zeroCrc,
  type RawEntry,
  type RawEnd,
} from './testing/raw-zip';
import { writeZip } from './writer';

const MiB = 1024 * 1024;
const text = (s: string) => Buffer.from(s, 'utf8');

// Zips live two levels below `outer`, so a traversal that escaped would land in `outer`.
let outer: string;
let dir: string;
beforeAll(async () => {
  outer = await mkdtemp(join(tmpdir(), 'cd-zip-reader-'));
  dir = join(outer, 'a', 'work');
  await mkdir(dir, { recursive: true });
});
afterAll(async () => {
  // Nothing but our own zips was created anywhere under `outer`.
  expect(await readdir(outer)).toEqual(['a']);
  expect(await readdir(join(outer, 'a'))).toEqual(['work']);
  expect((await readdir(dir)).every((n) => n.endsWith('.zip'))).toBe(true);
  expect(existsSync(join(dir, '..', '..', 'x'))).toBe(false);
  await rm(outer, { recursive: true, force: true });
});

let counter = 0;
const build = (entries: RawEntry[], end?: RawEnd) =>
  writeRawZip(join(dir, `h${++counter}.zip`), entries, end);

async function rejection(path: string, limits?: Partial<ZipLimits>): Promise<UnsafePackageError> {
  const err = await openZip(path, limits).then(
    async (zip) => {
      await zip.close();
      throw new Error('opened a package it should have refused');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnsafePackageError);
  return err as UnsafePackageError;
}

async function readRejection(path: string, name: string): Promise<UnsafePackageError> {
  const zip = await openZip(path);
  try {
    const err = await zip.read(name).then(
      () => new Error('read a member it should have refused'),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnsafePackageError);
    return err as UnsafePackageError;
  } finally {
    await zip.close();
  }
}

/** Peak resident memory of this process so far, in bytes. */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

const file = (name: string | Buffer, more: Partial<RawEntry> = {}): RawEntry => ({
  name,
  content: text('x'),
  ...more,
});

describe('openZip reads what it should', () => {
  it('opens a hand-built valid zip and a directory entry, and looks names up NFC', async () => {
    const path = await build([
      { name: 'photos/', external: ((0o040755 << 16) | 0x10) >>> 0 },
      file('photos/ảnh.jpg'.normalize('NFD'), { content: text('jpeg') }),
      { name: 'article.html', method: 8, content: text('<p>hi</p>'.repeat(50)) },
    ]);
    const zip = await openZip(path);
    try {
      expect(zip.entries.map((e) => [e.name, e.isDirectory])).toEqual([
        ['photos/', true],
        ['photos/ảnh.jpg'.normalize('NFD'), false],
        ['article.html', false],
      ]);
      expect((await zip.read('photos/ảnh.jpg'.normalize('NFC'))).toString()).toBe('jpeg');
      expect((await zip.read('article.html')).toString()).toBe('<p>hi</p>'.repeat(50));
      await expect(zip.read('nope')).rejects.toThrow(RangeError);
    } finally {
      await zip.close();
    }
  });

  it('accepts a data-descriptor member whose local sizes are zero', async () => {
    const content = text('streamed');
    const path = await build([
      file('s.txt', { content, flags: 0x808, local: { crc: 0, size: 0, compressedSize: 0 } }),
    ]);
    const zip = await openZip(path);
    expect((await zip.read('s.txt')).toString()).toBe('streamed');
    await zip.close();
  });

  it('opens a package at the entry limit (10,000) quickly', async () => {
    const path = join(dir, 'many-ok.zip');
    await writeFile(path, manyEntries(DEFAULT_ZIP_LIMITS.maxEntries));
    const started = performance.now();
    const zip = await openZip(path);
    expect(zip.entries).toHaveLength(DEFAULT_ZIP_LIMITS.maxEntries);
    await zip.close();
    // ~150 ms on an idle machine; the bound only catches quadratic work on a loaded CI box.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('openZip reads zips made by other tools', () => {
  const hasPython = spawnSync('python3', ['--version']).status === 0;
  const hasZip = spawnSync('zip', ['-v']).status === 0;

  it.skipIf(!hasPython)('python zipfile, deflated, with a directory entry', async () => {
    const path = join(dir, 'python.zip');
    execFileSync('python3', [
      '-c',
      `import zipfile,sys
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("photos/", "")
    z.writestr("photos/ảnh.jpg", b"jpeg" * 1000)
    z.writestr("article.html", "<p>Xin chào</p>" * 100)`,
      path,
    ]);
    const zip = await openZip(path);
    try {
      expect(zip.entries.map((e) => e.name)).toEqual(['photos/', 'photos/ảnh.jpg', 'article.html']);
      expect((await zip.read('photos/ảnh.jpg')).toString()).toBe('jpeg'.repeat(1000));
      expect((await zip.read('article.html')).toString()).toBe('<p>Xin chào</p>'.repeat(100));
    } finally {
      await zip.close();
    }
  });

  it.skipIf(!hasZip)('Info-ZIP zip -r, with its extra fields and directory entries', async () => {
    const src = await mkdtemp(join(tmpdir(), 'cd-zip-src-'));
    try {
      await mkdir(join(src, 'photos'));
      await writeFile(join(src, 'photos', 'a.jpg'), Buffer.alloc(3000, 7));
      await writeFile(join(src, 'manifest.json'), '{}');
      const path = join(dir, 'infozip.zip');
      execFileSync('zip', ['-q', '-r', path, 'manifest.json', 'photos'], { cwd: src });
      const zip = await openZip(path);
      try {
        expect(zip.entries.map((e) => e.name).sort()).toEqual([
          'manifest.json',
          'photos/',
          'photos/a.jpg',
        ]);
        expect((await zip.read('photos/a.jpg')).equals(Buffer.alloc(3000, 7))).toBe(true);
      } finally {
        await zip.close();
      }
    } finally {
      await rm(src, { recursive: true, force: true });
    }
  });
});

describe('openZip refuses hostile packages', () => {
  const nameCases: [string, string | Buffer, RegExp][] = [
    ['zip-slip ../../x', '../../x', /"\.\." segment/],
    ['zip-slip in the middle', 'photos/../../x', /"\.\." segment/],
    ['an absolute path', '/etc/x', /absolute path/],
    ['a drive letter with backslash', 'C:\\x', /backslash/],
    ['a drive letter', 'C:/x', /drive letter/],
    ['a backslash', 'photos\\x.jpg', /backslash/],
    ['a NUL byte', 'a\0b', /NUL/],
    ['an empty name', '', /empty name/],
    ['a "." segment', './manifest.json', /"\." segment/],
    ['an empty segment', 'photos//x.jpg', /empty segment/],
    ['a control character', 'a\u001b[2Jb', /control character/],
    ['a right-to-left override', 'photo\u202egpj.exe', /bidirectional/],
    ['an NTFS stream', 'photos/x.jpg:hidden', /colon/],
    [
      'invalid UTF-8 flagged UTF-8',
      Buffer.from([0x66, 0xff, 0x2e, 0x6a]),
      /marked UTF-8 but is not valid UTF-8/,
    ],
    ['an overlong UTF-8 slash', Buffer.from([0x2e, 0x2e, 0xc0, 0xaf, 0x78]), /not valid UTF-8/],
  ];
  it.each(nameCases)('%s', async (_label, name, reason) => {
    const err = await rejection(await build([file(name)]));
    expect(err.reason).toMatch(reason);
    expect(err.entry).toBeDefined();
  });

  it('a non-ASCII name not flagged UTF-8, naming the bytes', async () => {
    const err = await rejection(
      await build([file(Buffer.from('caf\xe9.txt', 'latin1'), { flags: 0 })]),
    );
    expect(err.reason).toMatch(/non-ASCII bytes but is not marked UTF-8/);
    expect(err.entry).toBe('caf\\xe9.txt');
    expect(err.message).toBe(`caf\\xe9.txt: ${err.reason}`);
  });

  it('a symlink entry', async () => {
    const err = await rejection(
      await build([
        file('photos/x.jpg', { content: text('/etc/passwd'), external: (0o120777 << 16) >>> 0 }),
      ]),
    );
    expect(err).toMatchObject({ reason: 'symbolic link entry', entry: 'photos/x.jpg' });
  });

  it('a symlink even when the host byte says MS-DOS', async () => {
    const path = await build([file('l', { madeBy: 20, external: (0o120777 << 16) >>> 0 })]);
    expect((await rejection(path)).reason).toBe('symbolic link entry');
  });

  it('a FIFO, a directory carrying data, and type/name disagreements', async () => {
    expect(
      (await rejection(await build([file('f', { external: (0o010644 << 16) >>> 0 })]))).reason,
    ).toMatch(/special file/);
    const dirAttrs = (0o040755 << 16) >>> 0;
    expect((await rejection(await build([file('photos/', { external: dirAttrs })]))).reason).toBe(
      'directory entry carries data',
    );
    expect((await rejection(await build([file('photos', { external: dirAttrs })]))).reason).toMatch(
      /disagrees/,
    );
    expect((await rejection(await build([{ name: 'photos/' }]))).reason).toMatch(/disagrees/);
  });

  it('a duplicate manifest.json', async () => {
    const err = await rejection(
      await build([
        file('manifest.json', { content: text('{}') }),
        file('manifest.json', { content: text('{"x":1}') }),
      ]),
    );
    expect(err).toMatchObject({ reason: 'duplicate name', entry: 'manifest.json' });
  });

  it('names that collide once case or normalisation is ignored', async () => {
    expect(
      (await rejection(await build([file('manifest.json'), file('MANIFEST.json')]))).reason,
    ).toMatch(/collides with "manifest.json"/);
    const nfc = 'ảnh.jpg'.normalize('NFC');
    const nfd = 'ảnh.jpg'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect((await rejection(await build([file(nfc), file(nfd)]))).reason).toMatch(/collides/);
    expect(
      (await rejection(await build([file('straße.txt'), file('STRASSE.txt')]))).reason,
    ).toMatch(/collides/);
  });

  it('a file that is also used as a directory', async () => {
    expect((await rejection(await build([file('photos'), file('photos/x.jpg')]))).reason).toMatch(
      /inside "photos", which is a file/,
    );
    const dirAttrs = ((0o040755 << 16) | 0x10) >>> 0;
    expect(
      (await rejection(await build([file('photos'), { name: 'photos/', external: dirAttrs }])))
        .reason,
    ).toMatch(/collides/);
  });

  it('encrypted entries', async () => {
    const err = await rejection(await build([file('secret.txt', { flags: 0x801 })]));
    expect(err).toMatchObject({ reason: 'entry is encrypted', entry: 'secret.txt' });
  });

  it('strong encryption and masked headers count as encrypted too', async () => {
    for (const flags of [0x841, 0x2801]) {
      const err = await rejection(await build([file('secret.txt', { flags })]));
      expect(err, flags.toString(16)).toMatchObject({
        reason: 'entry is encrypted',
        entry: 'secret.txt',
      });
    }
  });

  it('unsupported compression methods', async () => {
    const err = await rejection(
      await build([file('a.bz2', { method: 12, payload: text('BZh9') })]),
    );
    expect(err.reason).toMatch(/compression method 12 is not supported/);
  });

  it('a 1 GiB bomb, by its ratio, without inflating it', async () => {
    const payload = zeroBomb(1024); // ~1 MB of deflate for 1 GiB of zeros
    expect(payload.length).toBeLessThan(2 * MiB);
    const path = await build([
      {
        name: 'newsml.xml',
        method: 8,
        payload,
        size: 1024 * MiB,
        crc: zeroCrc(1) /* not checked: refused first */,
      },
    ]);
    const peakBefore = peakRss();
    const err = await rejection(path); // openZip never inflates: refused on its headers alone
    expect(err.reason).toMatch(/compression ratio 10\d\d:1 is over the limit of 200:1/);
    expect(peakRss() - peakBefore).toBeLessThan(200 * MiB);
  });

  it('a bomb that lies about its size is stopped during inflation, memory bounded', async () => {
    const payload = zeroBomb(1024);
    // Declares 2 MiB: a plausible ratio (~2:1), so only the inflate bound can stop it.
    const path = await build([
      { name: 'article.html', method: 8, payload, size: 2 * MiB, crc: zeroCrc(2) },
    ]);
    const peakBefore = peakRss();
    const err = await readRejection(path, 'article.html');
    expect(err.reason).toMatch(/inflates past its declared size of 2097152 bytes/);
    // Peak, not current: a freed 1 GiB buffer would no longer show in rss.
    expect(peakRss() - peakBefore).toBeLessThan(200 * MiB);

    // Declaring less than its compressed size is caught before any inflating.
    const smaller = await build([{ name: 'article.html', method: 8, payload, size: 1000, crc: 0 }]);
    expect((await rejection(smaller)).reason).toMatch(/impossible for deflate data of 1000 bytes/);
  });

  it('a member that lies the other way (inflates short) or hides bytes after its deflate data', async () => {
    const content = text('hello hello hello');
    const short = await build([{ name: 'a.txt', method: 8, content, size: content.length + 5 }]);
    expect((await readRejection(short, 'a.txt')).reason).toMatch(
      /has 17 bytes, its header says 22/,
    );
    const padded = await build([
      {
        name: 'a.txt',
        method: 8,
        content,
        payload: Buffer.concat([deflateRawSync(content), text('junk')]),
      },
    ]);
    expect((await readRejection(padded, 'a.txt')).reason).toBe(
      '4 bytes follow the end of the deflate data',
    );
    const garbage = await build([
      { name: 'a.txt', method: 8, content, payload: text('not deflate at all') },
    ]);
    expect((await readRejection(garbage, 'a.txt')).reason).toMatch(/damaged deflate data/);
  });

  it('a declared total over the limit', async () => {
    const entries = [
      file('a', { content: Buffer.alloc(600) }),
      file('b', { content: Buffer.alloc(600) }),
    ];
    const err = await rejection(await build(entries), { maxTotalUncompressed: 1000 });
    expect(err).toMatchObject({ entry: 'b' });
    expect(err.reason).toMatch(/limit of 1000 bytes/);
  });

  it('100,000 entries, by the count, before parsing them', async () => {
    const path = join(dir, 'many.zip');
    await writeFile(path, manyEntries(100_000));
    // 100,000 does not fit the 16-bit count; it wraps to 34,464 as some writers do.
    expect((await rejection(path)).reason).toBe(
      `34464 entries is more than the limit of ${DEFAULT_ZIP_LIMITS.maxEntries}`,
    );
  });

  it('100,000 entries behind an end record that claims 5', async () => {
    const path = join(dir, 'many-hidden.zip');
    await writeFile(path, manyEntries(100_000, 5));
    expect((await rejection(path, { maxCentralDirectoryBytes: 64 * MiB })).reason).toMatch(
      /bytes after its 5 declared entries/,
    );
  });

  it('a central directory over its size limit', async () => {
    const path = join(dir, 'many-big-cd.zip');
    await writeFile(path, manyEntries(9_000));
    expect((await rejection(path, { maxCentralDirectoryBytes: 1000 })).reason).toMatch(
      /central directory of \d+ bytes/,
    );
  });

  it('CRC mismatch on read', async () => {
    const stored = await build([
      file('photos/x.jpg', { content: text('jpeg bytes'), crc: 0x12345678 }),
    ]);
    expect((await readRejection(stored, 'photos/x.jpg')).reason).toMatch(
      /^CRC-32 mismatch \(header says 12345678, data has [0-9a-f]{8}\)$/,
    );
    const deflated = await build([
      { name: 'a.html', method: 8, content: text('<p>'.repeat(99)), crc: 1 },
    ]);
    expect((await readRejection(deflated, 'a.html')).reason).toMatch(/CRC-32 mismatch/);
  });

  it('local headers that disagree with the central directory', async () => {
    const cases: [Partial<RawEntry>, RegExp][] = [
      [{ local: { name: text('evil.exe') } }, /names a different file/],
      [{ local: { size: 99 } }, /sizes or CRC/],
      [{ local: { crc: 7 } }, /sizes or CRC/],
      [{ local: { flags: 0x801 } }, /flags or method/],
      [{ local: { method: 8 } }, /flags or method/],
    ];
    for (const [more, reason] of cases) {
      expect(
        (await rejection(await build([file('a.txt', { content: text('abc'), ...more })]))).reason,
      ).toMatch(reason);
    }
  });

  it('data ranges outside the file, and members that overlap', async () => {
    const huge = file('a.txt', { size: 5_000_000, compressedSize: 5_000_000 });
    expect((await rejection(await build([huge]))).reason).toMatch(/data runs past/);
    const pastEnd = file('a.txt', { localOffset: 4000 });
    expect((await rejection(await build([pastEnd]))).reason).toMatch(/outside the data area/);
    const intoNothing = file('a.txt', { localOffset: 10, content: Buffer.alloc(200, 0x41) });
    expect((await rejection(await build([intoNothing]))).reason).toMatch(/no local header/);
    const overlap = await build([
      file('a.txt', { content: text('same') }),
      { ...file('b.txt'), sharesLocalOf: 0 },
    ]);
    expect((await rejection(overlap)).reason).toMatch(/overlaps that of "a.txt"/);
    const impossible = { name: 'a.txt', method: 8, payload: Buffer.alloc(5000), size: 10, crc: 0 };
    expect((await rejection(await build([impossible]))).reason).toMatch(/impossible for deflate/);
  });

  it('stored sizes that disagree, ZIP64 marks and extra fields', async () => {
    expect((await rejection(await build([file('a', { size: 5 })]))).reason).toMatch(
      /stored entry has compressed size/,
    );
    expect((await rejection(await build([file('a', { size: 0xffffffff })]))).reason).toMatch(
      /ZIP64/,
    );
    expect((await rejection(await build([file('a')], { count: 0xffff }))).reason).toMatch(/ZIP64/);
    const zip64Extra = Buffer.from([1, 0, 0, 0]);
    expect((await rejection(await build([file('a', { extra: zip64Extra })]))).reason).toMatch(
      /ZIP64 extra/,
    );
    const broken = Buffer.from([0x55, 0x54, 9, 0, 1]);
    expect((await rejection(await build([file('a', { extra: broken })]))).reason).toBe(
      'malformed extra field',
    );
    const other = Buffer.concat([
      Buffer.from([0x75, 0x70, 12, 0, 1, 0, 0, 0, 0]),
      text('evil.exe'.slice(0, 7)),
    ]);
    expect((await rejection(await build([file('a', { extra: other })]))).reason).toMatch(
      /Unicode Path/,
    );
  });

  it('not a zip, a truncated zip, trailing or hidden bytes, split archives', async () => {
    const notZip = join(dir, 'not.zip');
    await writeFile(notZip, 'just some text, certainly not a zip archive');
    expect((await rejection(notZip)).reason).toMatch(/no end-of-central-directory/);
    const tiny = join(dir, 'tiny.zip');
    await writeFile(tiny, 'PK');
    expect((await rejection(tiny)).reason).toMatch(/no end-of-central-directory/);

    const good = rawZip([file('a.txt')]);
    const truncated = join(dir, 'truncated.zip');
    await writeFile(truncated, good.subarray(0, good.length - 1));
    expect((await rejection(truncated)).reason).toMatch(/no end-of-central-directory/);
    expect(
      (await rejection(await build([file('a.txt')], { trailing: text('appended') }))).reason,
    ).toMatch(/no end-of-central-directory/);
    expect(
      (await rejection(await build([file('a.txt')], { beforeEnd: text('hidden') }))).reason,
    ).toMatch(/does not end where the end record begins/);
    const split = rawZip([file('a.txt')]);
    split.writeUInt16LE(1, split.length - 22 + 4);
    const splitPath = join(dir, 'split.zip');
    await writeFile(splitPath, split);
    expect((await rejection(splitPath)).reason).toMatch(/split/);
  });

  it('accepts an end-record comment but only one that ends the file', async () => {
    const path = await build([file('a.txt')], { comment: text('made by hand') });
    await (await openZip(path)).close();
  });

  it('an end record hidden in the comment: ambiguous, refused rather than read as empty', async () => {
    // A reader that takes the last signature it finds sees an archive of zero entries here.
    const fake = Buffer.concat([text('x'), Buffer.from([0x50, 0x4b, 5, 6]), Buffer.alloc(18)]);
    const path = await build([file('a.txt')], { comment: fake });
    expect((await rejection(path)).reason).toMatch(/does not end where the end record begins/);
  });

  it('never writes a file while refusing zip-slip names', async () => {
    const slip = await build([file('../../x', { content: text('escaped') }), file('/tmp/x')]);
    await rejection(slip);
    expect(existsSync(join(dir, '..', '..', 'x'))).toBe(false);
    expect(await readdir(outer)).toEqual(['a']);
  });
});

describe('openZip reads our writer', () => {
  it('round-trips, and refuses once a stored byte is flipped', async () => {
    const path = join(dir, 'ours.zip');
    const photo = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) & 0xff));
    await writeZip([{ path: 'photos/p.jpg', data: photo, compress: false }], path);
    const zip = await openZip(path);
    expect((await zip.read('photos/p.jpg')).equals(photo)).toBe(true);
    await zip.close();
    const bytes = await readFile(path);
    bytes[30 + 'photos/p.jpg'.length + 100]! ^= 0xff;
    await writeFile(path, bytes);
    expect((await readRejection(path, 'photos/p.jpg')).reason).toMatch(/CRC-32 mismatch/);
  });
});

/** `n` empty stored members, built straight into one buffer (rawZip would be slow at this size). */
function manyEntries(n: number, declared = n): Buffer {
  const names = Array.from({ length: n }, (_, i) => Buffer.from(`f${i}`));
  const localSize = names.reduce((s, nm) => s + 30 + nm.length, 0);
  const centralSize = names.reduce((s, nm) => s + 46 + nm.length, 0);
  const out = Buffer.alloc(localSize + centralSize + 22);
  let p = 0;
  const offsets: number[] = [];
  for (const nm of names) {
    offsets.push(p);
    out.writeUInt32LE(0x04034b50, p);
    out.writeUInt16LE(20, p + 4);
    out.writeUInt16LE(0x800, p + 6);
    out.writeUInt16LE(nm.length, p + 26);
    nm.copy(out, p + 30);
    p += 30 + nm.length;
  }
  names.forEach((nm, i) => {
    out.writeUInt32LE(0x02014b50, p);
    out.writeUInt16LE((3 << 8) | 20, p + 4);
    out.writeUInt16LE(20, p + 6);
    out.writeUInt16LE(0x800, p + 8);
    out.writeUInt16LE(nm.length, p + 28);
    out.writeUInt32LE((0o100644 << 16) >>> 0, p + 38);
    out.writeUInt32LE(offsets[i]!, p + 42);
    nm.copy(out, p + 46);
    p += 46 + nm.length;
  });
  out.writeUInt32LE(0x06054b50, p);
  out.writeUInt16LE(declared & 0xffff, p + 8);
  out.writeUInt16LE(declared & 0xffff, p + 10);
  out.writeUInt32LE(declared === n ? centralSize : centralSize, p + 12);
  out.writeUInt32LE(localSize, p + 16);
  return out;
}
