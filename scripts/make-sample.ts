/**
 * Regenerates assets/sample-event/ from the licensed photo fixtures.
 *
 *   npx tsx scripts/make-sample.ts [--fixtures <dir>]
 *
 * The fixtures are only read. Each one is downscaled and re-encoded with its camera EXIF
 * kept, so the sample event looks like a small camera card (real Make/Model/dates,
 * unrotated pixels with an Orientation tag) while staying a few hundred KB in the app.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

interface SampleSource {
  /** Name in the sample event, like a camera card. */
  out: string;
  /** Fixture file name in the fixtures folder. */
  fixture: string;
}

/*
 * Card numbers follow capture time, so sorting by name and by date agree, as on a real card.
 * CREDITS.md describes the same list: keep the two in step.
 */
const SAMPLE_SOURCES: readonly SampleSource[] = [
  { out: 'DSC-2403.JPG', fixture: 'canon-eos1000d-orient6.jpg' },
  { out: 'DSC-2409.JPG', fixture: 'iphone5-orient3-gps.jpg' },
  { out: 'DSC-2419.JPG', fixture: 'leica-t-orient8.jpg' },
  { out: 'DSC-2437.JPG', fixture: 'samsung-j327t1-orient6.jpg' },
  { out: 'DSC-2460.JPG', fixture: 'canon-eos1300d-18mp.jpg' },
];

const LONG_EDGE = 1280;
const MAX_TOTAL_BYTES = 600 * 1024;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'assets', 'sample-event');

interface ManifestEntry {
  file: string;
  sha256: string;
}

/** Refuses to build from a fixture that differs from the one CREDITS.md describes. */
async function checkFixture(fixturesDir: string, file: string, manifest: ManifestEntry[] | null) {
  const bytes = await readFile(path.join(fixturesDir, file));
  const expected = manifest?.find((m) => m.file === file)?.sha256;
  if (manifest && !expected) throw new Error(`${file}: not listed in the fixtures' manifest.json`);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (expected && actual !== expected) {
    throw new Error(`${file}: sha256 ${actual} does not match manifest.json (${expected})`);
  }
  return bytes;
}

async function readManifest(fixturesDir: string): Promise<ManifestEntry[] | null> {
  const file = path.join(fixturesDir, 'manifest.json');
  if (!existsSync(file)) return null;
  return JSON.parse(await readFile(file, 'utf8')) as ManifestEntry[];
}

async function derive(original: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  // No .rotate(): the pixels stay as the sensor stored them and the Orientation tag is kept,
  // so the app's own rotation handling is what the sample exercises.
  const { data, info } = await sharp(original, { autoOrient: false })
    .resize({ width: LONG_EDGE, height: LONG_EDGE, fit: 'inside', withoutEnlargement: true })
    .keepExif()
    // Baseline like a camera's own JPEGs; trellis and table 3 keep the files small at q75.
    .jpeg({
      quality: 75,
      progressive: false,
      optimiseCoding: true,
      trellisQuantisation: true,
      overshootDeringing: true,
      quantisationTable: 3,
    })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function main() {
  const { values } = parseArgs({
    options: { fixtures: { type: 'string', default: '/work/shared/fixtures/photos' } },
  });
  const fixturesDir = path.resolve(values.fixtures);
  const manifest = await readManifest(fixturesDir);

  await mkdir(outDir, { recursive: true });
  const wanted = new Set(SAMPLE_SOURCES.map((s) => s.out));
  // Drop photos left over from an earlier list, so the folder is exactly what is declared.
  for (const name of await readdir(outDir)) {
    if (/\.jpe?g$/i.test(name) && !wanted.has(name)) await rm(path.join(outDir, name));
  }

  let total = 0;
  for (const source of SAMPLE_SOURCES) {
    const original = await checkFixture(fixturesDir, source.fixture, manifest);
    const { data, width, height } = await derive(original);
    const meta = await sharp(data).metadata();
    await writeFile(path.join(outDir, source.out), data);
    total += data.length;
    console.log(
      `${source.out}  ${width}x${height}  orientation ${meta.orientation ?? '-'}  ` +
        `${(data.length / 1024).toFixed(1)} KB  <- ${source.fixture}`,
    );
  }
  console.log(`total ${(total / 1024).toFixed(1)} KB`);
  if (total > MAX_TOTAL_BYTES) {
    throw new Error(`sample event is ${total} bytes, over the ${MAX_TOTAL_BYTES} budget`);
  }
}

await main();
