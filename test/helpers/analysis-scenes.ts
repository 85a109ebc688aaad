import sharp, { type Sharp } from 'sharp';

/** Pictures made in the test for the assisted culling: seeded, so every run draws the same. */

const W = 640;
const H = 480;
const MARGIN = 16;

function rng(seed: number): () => number {
  // mulberry32: small, seeded, good enough to draw test scenes.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A scene: big blocks of random grey (what the perceptual hash sees) under a fine
 * checker texture with hard edges (what the sharpness score sees), drawn a little
 * larger than the frame so a burst frame can be a shifted crop of it.
 */
function canvas(seed: number): { data: Buffer; width: number; height: number } {
  const width = W + 2 * MARGIN;
  const height = H + 2 * MARGIN;
  const r = rng(seed);
  const big = 80;
  const levels = Array.from(
    { length: Math.ceil(width / big) * Math.ceil(height / big) },
    () => 50 + r() * 150,
  );
  const data = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const base = levels[Math.floor(y / big) * Math.ceil(width / big) + Math.floor(x / big)]!;
      const checker = (Math.floor(x / 6) + Math.floor(y / 6)) % 2 ? 25 : -25;
      data[y * width + x] = Math.max(0, Math.min(255, Math.round(base + checker)));
    }
  return { data, width, height };
}

export interface FrameOptions {
  /** Shift of the crop in pixels (a hand-held burst moves a little). */
  dx?: number;
  dy?: number;
  /** Seed of per-pixel noise, so no two frames are byte-identical. */
  noiseSeed?: number;
  /** Gaussian blur sigma in pixels at 640 px (0 = crisp). */
  blur?: number;
  /** EXIF: DateTimeOriginal ("YYYY:MM:DD HH:MM:SS"), make, model and body serial. */
  takenAt?: string;
  model?: string;
  serial?: string;
}

/** One 640×480 JPEG frame of scene `seed`. */
export async function sceneFrame(seed: number, o: FrameOptions = {}): Promise<Buffer> {
  const c = canvas(seed);
  const dx = MARGIN + (o.dx ?? 0);
  const dy = MARGIN + (o.dy ?? 0);
  const noise = rng(o.noiseSeed ?? 1);
  const px = Buffer.alloc(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const v = c.data[(y + dy) * c.width + x + dx]! + (noise() - 0.5) * 12;
      px[y * W + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  let img = sharp(px, { raw: { width: W, height: H, channels: 1 } });
  if (o.blur) img = img.blur(o.blur);
  return withExif(img, o).jpeg({ quality: 90 }).toBuffer();
}

/**
 * Crisp scene in the middle ninth of the frame (a third of each side), the rest blurred:
 * shallow depth of field, a subject too small to lift the whole-frame score.
 */
export async function sharpSubjectFrame(seed: number): Promise<Buffer> {
  const crisp = await sharp(await sceneFrame(seed))
    .raw()
    .toBuffer({ resolveWithObject: true });
  const subject = await sharp(crisp.data, { raw: crisp.info })
    .extract({ left: 212, top: H / 3, width: 216, height: H / 3 })
    .png()
    .toBuffer();
  return sharp(await sceneFrame(seed, { blur: 3 }))
    .composite([{ input: subject, left: 212, top: H / 3 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A flat frame of one grey level (255 = blown white, 0 = black). */
export async function flatFrame(level: number): Promise<Buffer> {
  return sharp({
    create: { width: W, height: H, channels: 3, background: { r: level, g: level, b: level } },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
}

function withExif(img: Sharp, o: FrameOptions): Sharp {
  if (!o.takenAt && !o.model && !o.serial) return img;
  return img.withExif({
    IFD0: { Make: 'Canon', Model: o.model ?? 'Canon EOS R6' },
    IFD2: {
      ...(o.takenAt ? { DateTimeOriginal: o.takenAt } : {}),
      ...(o.serial ? { BodySerialNumber: o.serial } : {}),
    },
  });
}
