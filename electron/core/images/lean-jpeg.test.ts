import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FIXTURES } from '../../../test/helpers/fixtures';
import { hostileJpegs } from '../../../test/helpers/hostile-xmp';
import { leanJpegInput } from './lean-jpeg';
import { sharp } from './sharp-setup';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

it('decodes a JPEG with a 50 MB header from a copy without its metadata, EXIF kept', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'captiondesk-lean-'));
  dirs.push(dir);
  const base = await readFile(join(FIXTURES, 'getty-eos1d-iptc-caption.jpg'));
  const huge = hostileJpegs(base, 'http://127.0.0.1:9/').find(
    (j) => j.name === 'embedded-ext-huge',
  )!;
  const path = join(dir, 'huge.jpg');
  await writeFile(path, huge.jpeg);
  const lean = await leanJpegInput(path, huge.jpeg.length);
  expect(Buffer.isBuffer(lean)).toBe(true);
  const buf = lean as Buffer;
  expect(buf.length).toBeLessThan(base.length);
  expect(buf.includes('http://ns.adobe.com/xmp/extension/')).toBe(false);
  expect(buf.includes('Exif\0\0')).toBe(true);
  const [a, b] = await Promise.all([sharp(buf).raw().toBuffer(), sharp(base).raw().toBuffer()]);
  expect(a.equals(b)).toBe(true);
  // The file itself is untouched, and a small file is decoded from its path as before.
  expect((await readFile(path)).equals(huge.jpeg)).toBe(true);
  const small = join(FIXTURES, 'getty-eos1d-iptc-caption.jpg');
  expect(await leanJpegInput(small, base.length)).toBe(small);
});
