/**
 * npx tsx bench/embed-speed.ts
 *
 * How long writing caption metadata into one 24 MP camera JPEG takes: CaptionDesk's lossless
 * segment rewrite, against re-encoding with sharp (which is also lossy) and against ExifTool
 * (one process per file). A benchmark: it prints a table and never fails on time.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { embedMetadata } from '../electron/core/metadata/embed';
import { splitJpeg, XMP_SIGNATURE } from '../electron/core/metadata/embed/segments';
import { VIETNAMESE_FIELDS } from '../test/helpers/vietnamese-fields';

const run = promisify(execFile);
const SOURCE = path.join(
  process.env.CAPTIONDESK_FIXTURES ?? '/work/shared/fixtures/photos',
  'canon-eos1300d-18mp.jpg',
);
const [WIDTH, HEIGHT] = [6000, 4000];
const RUNS = { ours: 20, sharp: 5, exiftool: 5 };

const FIELDS = VIETNAMESE_FIELDS;

/** The same fields in all three homes, as ExifTool takes them. */
function exiftoolArgs(): string[] {
  const f = FIELDS;
  const pairs: [string, string][] = [
    ['IPTC:CodedCharacterSet', 'UTF8'],
    ['IPTC:Caption-Abstract', f.caption],
    ['XMP-dc:Description', f.caption],
    ['EXIF:ImageDescription', f.caption],
    ['IPTC:Headline', f.headline],
    ['XMP-photoshop:Headline', f.headline],
    ['IPTC:ObjectName', f.title],
    ['XMP-dc:Title', f.title],
    ['IPTC:By-line', f.byline[0]!],
    ['XMP-dc:Creator', f.byline[0]!],
    ['EXIF:Artist', f.byline[0]!],
    ['IPTC:Credit', f.credit],
    ['XMP-photoshop:Credit', f.credit],
    ['IPTC:Source', f.source],
    ['XMP-photoshop:Source', f.source],
    ['IPTC:CopyrightNotice', f.copyright],
    ['XMP-dc:Rights', f.copyright],
    ['EXIF:Copyright', f.copyright],
    ['IPTC:City', f.city],
    ['XMP-photoshop:City', f.city],
    ['IPTC:Province-State', f.province],
    ['XMP-photoshop:State', f.province],
    ['IPTC:Country-PrimaryLocationName', f.country],
    ['XMP-photoshop:Country', f.country],
    ['IPTC:Country-PrimaryLocationCode', f.countryCode],
    ['XMP-iptcCore:CountryCode', f.countryCode],
    ['IPTC:Sub-location', f.location],
    ['XMP-iptcCore:Location', f.location],
    ['IPTC:DateCreated', '2024:12:26'],
    ['IPTC:TimeCreated', '14:30:00+07:00'],
    ['XMP-photoshop:DateCreated', f.dateCreated],
    ['IPTC:OriginalTransmissionReference', f.jobId],
    ['XMP-photoshop:TransmissionReference', f.jobId],
    ['IPTC:SpecialInstructions', f.instructions],
    ['XMP-photoshop:Instructions', f.instructions],
    ...f.keywords.flatMap((k): [string, string][] => [
      ['IPTC:Keywords', k],
      ['XMP-dc:Subject', k],
    ]),
  ];
  return [
    '-q',
    '-overwrite_original',
    '-charset',
    'iptc=UTF8',
    ...pairs.map(([t, v]) => `-${t}=${v}`),
  ];
}

/** Sensor-like grain, so the JPEG is as big (~6 MB) as a camera's fine 24 MP frame. */
function grain(width: number, height: number): Buffer {
  let s = 2460;
  const out = Buffer.allocUnsafe(width * height * 3);
  for (let i = 0; i < out.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = 128 + ((s >>> 0) % 41) - 20;
  }
  return out;
}

/** A gradient with shapes: content the encoder has to work for, unlike a flat frame. */
function scene(width: number, height: number): Buffer {
  const shapes = Array.from({ length: 30 }, (_, i) => {
    const x = (i * 977) % width;
    const y = (i * 613) % height;
    return `<circle cx="${x}" cy="${y}" r="${150 + ((i * 89) % 500)}" fill="hsl(${(i * 47) % 360},50%,50%)" fill-opacity="0.6"/>`;
  });
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs>` +
      '<linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2b4a6f"/>' +
      '<stop offset="1" stop-color="#c9a46a"/></linearGradient></defs>' +
      `<rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}</svg>`,
  );
}

async function makeTestFile(dir: string): Promise<string> {
  const source = path.join(dir, 'source.jpg');
  const file = path.join(dir, 'DSC-2403.JPG');
  await copyFile(SOURCE, source);
  await sharp(scene(WIDTH, HEIGHT))
    .composite([
      {
        input: grain(WIDTH, HEIGHT),
        raw: { width: WIDTH, height: HEIGHT, channels: 3 },
        blend: 'overlay',
      },
    ])
    .jpeg({ quality: 90 })
    .toFile(file);
  // The camera's EXIF (maker notes and thumbnail included) and XMP, as a card would hold them.
  await run('exiftool', [
    '-q',
    '-overwrite_original',
    '-TagsFromFile',
    source,
    '-all:all',
    '-ThumbnailImage',
    file,
  ]);
  return file;
}

interface Row {
  method: string;
  times: number[];
}

async function timeIt(
  n: number,
  fn: () => Promise<unknown> | unknown,
  before?: () => Promise<void>,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    if (before) await before();
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}

function table(rows: Row[]): string {
  const mean = (t: number[]) => t.reduce((a, b) => a + b, 0) / t.length;
  const median = (t: number[]) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)]!;
  const base = mean(rows[0]!.times);
  const header = ['method', 'runs', 'mean ms', 'median ms', 'min ms', 'vs CaptionDesk'];
  const body = rows.map((r) => [
    r.method,
    String(r.times.length),
    mean(r.times).toFixed(1),
    median(r.times).toFixed(1),
    Math.min(...r.times).toFixed(1),
    `${(mean(r.times) / base).toFixed(1)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'captiondesk-embed-bench-'));
  try {
    const file = await makeTestFile(dir);
    const input = await readFile(file);
    const exif = splitJpeg(input).head.find(
      (s) => input.toString('latin1', s.payloadStart, s.payloadStart + 4) === 'Exif',
    );
    if (!exif) throw new Error('exiftool did not copy the EXIF');
    console.log(
      `Embedding 16 fields into one ${WIDTH}x${HEIGHT} JPEG (${(input.length / 1e6).toFixed(1)} MB, ` +
        `${((exif.end - exif.start) / 1024).toFixed(1)} KB of Canon EOS 1300D EXIF with maker notes and thumbnail)`,
    );
    console.log(
      `  ${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, Node ${process.version}, sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}`,
    );

    for (let i = 0; i < 3; i++) embedMetadata(input, FIELDS); // warm-up: JIT and the XML parser
    const { jpeg } = embedMetadata(input, FIELDS);
    const sosOld = splitJpeg(input).sosOffset;
    const sosNew = splitJpeg(jpeg).sosOffset;
    if (!jpeg.subarray(sosNew).equals(input.subarray(sosOld)))
      throw new Error('image data changed');

    const out = path.join(dir, 'out.jpg');
    const rows: Row[] = [
      {
        method: 'CaptionDesk embedMetadata (in memory)',
        times: await timeIt(RUNS.ours, () => embedMetadata(input, FIELDS)),
      },
      {
        method: 'CaptionDesk read + embed + write file',
        times: await timeIt(RUNS.ours, async () =>
          writeFile(out, embedMetadata(await readFile(file), FIELDS).jpeg),
        ),
      },
    ];
    const xmpSeg = splitJpeg(jpeg).head.find(
      (s) => jpeg.toString('latin1', s.payloadStart, s.payloadStart + 29) === XMP_SIGNATURE,
    )!;
    const packet = jpeg.toString('utf8', xmpSeg.payloadStart + XMP_SIGNATURE.length, xmpSeg.end);
    rows.push({
      method: 'sharp withXmp + re-encode q90 (lossy, no IIM)',
      times: await timeIt(RUNS.sharp, () =>
        sharp(input).withXmp(packet).jpeg({ quality: 90 }).toBuffer(),
      ),
    });
    const copy = path.join(dir, 'exiftool.jpg');
    rows.push({
      method: 'exiftool -overwrite_original (1 process/file)',
      times: await timeIt(
        RUNS.exiftool,
        () => run('exiftool', [...exiftoolArgs(), copy]),
        () => copyFile(file, copy),
      ),
    });
    console.log(
      `  output ${((await stat(out)).size / 1e6).toFixed(2)} MB; image data (SOS…EOI) byte-identical\n`,
    );
    console.log(table(rows));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
