/**
 * The one large photo every benchmark file is made from: camera-sized, with content a JPEG
 * encoder has to work for (gradient, shapes, grain), and a real camera's EXIF.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { capture } from './processes';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixturesDir = process.env.CAPTIONDESK_FIXTURES ?? '/work/shared/fixtures/photos';

/**
 * The camera-original Canon EOS 1300D file when the fixtures are at hand; otherwise the
 * sample event's copy of it, which carries the same EXIF and is always in the repo.
 */
export function exifSourceFile(): string {
  const fixture = path.join(fixturesDir, 'canon-eos1300d-18mp.jpg');
  return existsSync(fixture) ? fixture : path.join(repoRoot, 'assets/sample-event/DSC-2460.JPG');
}

/** Deterministic, so two runs at one size produce the same files. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

function sceneSvg(width: number, height: number): Buffer {
  const rnd = xorshift(2403);
  const scale = Math.max(width, height) / 6000;
  const shapes: string[] = [];
  for (let i = 0; i < 40; i++) {
    const x = Math.round(rnd() * width);
    const y = Math.round(rnd() * height);
    const r = Math.round((50 + rnd() * 600) * scale);
    const fill = `hsl(${Math.floor(rnd() * 360)},${Math.round(30 + rnd() * 40)}%,${Math.round(25 + rnd() * 50)}%)`;
    const tilt = Math.round(rnd() * 40 - 20);
    shapes.push(
      i % 2
        ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" fill-opacity="0.7"/>`
        : `<rect x="${x}" y="${y}" width="${Math.round(r * 1.5)}" height="${r}" fill="${fill}" ` +
            `fill-opacity="0.6" transform="rotate(${tilt} ${x} ${y})"/>`,
    );
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">' +
      '<stop offset="0" stop-color="#2b4a6f"/><stop offset="0.55" stop-color="#c9a46a"/>' +
      '<stop offset="1" stop-color="#3d2a1e"/></linearGradient></defs>' +
      `<rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}</svg>`,
  );
}

/**
 * Sensor-like grain. Without it the JPEG would be a few hundred KB and decode far faster
 * than a real 24 MP frame; with it files land at ~5–6 MB, like a camera's fine JPEG.
 * Made in JS because libvips' gaussnoise is several times slower at this size.
 */
function grain(width: number, height: number): Buffer {
  const rnd = xorshift(2460);
  const out = Buffer.allocUnsafe(width * height * 3);
  for (let i = 0; i < out.length; i++) {
    // Sum of two uniforms: roughly bell-shaped, sigma ≈ 10 levels around mid-grey.
    out[i] = 128 + Math.round((rnd() + rnd() - 1) * 24);
  }
  return out;
}

export interface BaseImage {
  file: string;
  /** Said when the base could not be made as realistic as intended. */
  notes: string[];
}

/**
 * Writes the base JPEG to `file`. The pipeline starts from the EXIF source so that
 * `keepExif()` carries its EXIF (maker notes and IFD1 included); its pixels are then
 * fully covered by the scene.
 */
export async function makeBaseImage(
  file: string,
  width: number,
  height: number,
  exiftool: boolean,
): Promise<BaseImage> {
  const notes: string[] = [];
  await sharp(exifSourceFile(), { autoOrient: false })
    .resize(width, height, { fit: 'fill' })
    .composite([
      { input: sceneSvg(width, height) },
      { input: grain(width, height), raw: { width, height, channels: 3 }, blend: 'overlay' },
    ])
    .keepExif()
    .jpeg({ quality: 90 })
    .toFile(file);

  if (exiftool) {
    // Cameras write no JFIF and embed a 160x120 preview of the frame itself (letterboxed
    // by Canon); the inherited IFD1 thumbnail shows the source photo, so replace it.
    const thumb = `${file}.thumb.jpg`;
    await sharp(file)
      .resize(160, 120, { fit: 'contain', background: '#000' })
      .jpeg({ quality: 80 })
      .toFile(thumb);
    await capture('exiftool', [
      '-q',
      '-overwrite_original',
      '-JFIF:all=',
      `-ThumbnailImage<=${thumb}`,
      file,
    ]);
    await rm(thumb);
  } else {
    notes.push("exiftool missing: the EXIF thumbnail is the source camera's, not this frame's");
  }
  return { file, notes };
}
