import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../../../../test/helpers/fixtures';
import { payloadOf, splitJpeg } from '../segments';

/** The TIFF block of a fixture's EXIF APP1, read into memory (the file is not touched). */
export function fixtureTiff(name: string): Buffer {
  const jpeg = readFileSync(join(FIXTURES, name));
  const seg = splitJpeg(jpeg).head.find(
    (s) => s.marker === 0xe1 && payloadOf(jpeg, s).toString('latin1', 0, 4) === 'Exif',
  )!;
  return Buffer.from(payloadOf(jpeg, seg).subarray(6));
}
