import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { FIXTURES } from './fixtures';

export const SERIAL_A = '012345678901';
export const SERIAL_B = '987654321098';

export interface CardPhoto {
  dir: string;
  name: string;
  serial: string;
  model: string;
  taken: string; // EXIF form, 2026:11:20 09:15:00
}

/** A small JPEG carrying the EXIF an ingest names by: capture time, model, body serial. */
export async function cameraJpeg(p: Omit<CardPhoto, 'dir' | 'name'>, seed: number, size = 64) {
  return sharp({
    create: {
      width: size,
      height: Math.round(size * 0.75),
      channels: 3,
      background: { r: (seed * 53) % 256, g: (seed * 97) % 256, b: (seed * 29) % 256 },
    },
  })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Canon', Model: p.model },
      IFD2: { DateTimeOriginal: p.taken, BodySerialNumber: p.serial },
    })
    .toBuffer();
}

/** A RAW that detect.ts knows: the real CR3 fixture with a distinct tail, so each is unique. */
export async function cameraRaw(seed: number): Promise<Buffer> {
  const cr3 = await readFile(join(FIXTURES, 'canon-eos-r6-truncated.cr3'));
  return Buffer.concat([cr3, Buffer.from(`raw-${seed}`)]);
}

/**
 * DCIM/100CANON and DCIM/101CANON from two bodies, with RAW+JPEG pairs, an IMG_0001
 * in both folders (the camera's counter restarted), and litter a card carries.
 */
export async function makeCard(root: string): Promise<CardPhoto[]> {
  const photos: (CardPhoto & { raw?: boolean })[] = [
    {
      dir: '100CANON',
      name: 'IMG_0001',
      serial: SERIAL_A,
      model: 'Canon EOS R6',
      taken: '2026:11:20 09:15:00',
      raw: true,
    },
    {
      dir: '100CANON',
      name: 'IMG_0002',
      serial: SERIAL_A,
      model: 'Canon EOS R6',
      taken: '2026:11:20 09:16:00',
    },
    {
      dir: '100CANON',
      name: 'IMG_0003',
      serial: SERIAL_B,
      model: 'Canon EOS R5',
      taken: '2026:11:20 09:17:00',
    },
    {
      dir: '101CANON',
      name: 'IMG_0001',
      serial: SERIAL_B,
      model: 'Canon EOS R5',
      taken: '2026:11:20 10:00:00',
    },
    {
      dir: '101CANON',
      name: 'IMG_0004',
      serial: SERIAL_B,
      model: 'Canon EOS R5',
      taken: '2026:11:20 10:01:00',
      raw: true,
    },
  ];
  let seed = 1;
  for (const p of photos) {
    const dir = join(root, 'DCIM', p.dir);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${p.name}.JPG`), await cameraJpeg(p, seed++));
    if (p.raw) await writeFile(join(dir, `${p.name}.CR3`), await cameraRaw(seed++));
  }
  // What real cards also hold: macOS litter, a camera database, hidden folders.
  await writeFile(join(root, 'DCIM', '100CANON', '._IMG_0002.JPG'), 'apple double');
  await mkdir(join(root, 'MISC'), { recursive: true });
  await writeFile(join(root, 'MISC', 'AUTPRINT.MRK'), 'print order');
  await mkdir(join(root, '.Trashes'), { recursive: true });
  await writeFile(join(root, '.Trashes', 'IMG_9999.JPG'), 'deleted');
  return photos;
}
