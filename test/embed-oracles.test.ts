/**
 * The JPEG metadata writer against outside readers: ExifTool (the reference, also for
 * structure via -validate) and PHP's iptcparse (what WordPress uses), on copies of every
 * JPEG fixture.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedMetadata, type EmbedReport } from '../electron/core/metadata/embed';
import { splitJpeg } from '../electron/core/metadata/embed/segments';
import { checksums, copyFixtures, FIXTURES, manifest, sha256, tempDir } from './helpers/fixtures';
import { exiftool, hasExiftool } from './helpers/exiftool';
import { VIETNAMESE_FIELDS } from './helpers/vietnamese-fields';

const run = promisify(execFile);
const hasPhp = existsSync('/usr/bin/php');

const FIELDS = VIETNAMESE_FIELDS;

/** What ExifTool must read back, by its group:tag names. */
const EXPECTED: Record<string, string | string[]> = {
  'IPTC:CodedCharacterSet': 'UTF8',
  'IPTC:Caption-Abstract': FIELDS.caption,
  'IPTC:Headline': FIELDS.headline,
  'IPTC:ObjectName': FIELDS.title,
  'IPTC:By-line': FIELDS.byline[0]!,
  'IPTC:Credit': FIELDS.credit,
  'IPTC:Source': FIELDS.source,
  'IPTC:CopyrightNotice': FIELDS.copyright,
  'IPTC:City': FIELDS.city,
  'IPTC:Province-State': FIELDS.province,
  'IPTC:Country-PrimaryLocationName': FIELDS.country,
  'IPTC:Country-PrimaryLocationCode': FIELDS.countryCode,
  'IPTC:Sub-location': FIELDS.location,
  'IPTC:DateCreated': '2024:12:26',
  'IPTC:TimeCreated': '14:30:00+07:00',
  'IPTC:OriginalTransmissionReference': FIELDS.jobId,
  'IPTC:SpecialInstructions': FIELDS.instructions,
  'IPTC:Keywords': FIELDS.keywords,
  'XMP-dc:Description': FIELDS.caption,
  'XMP-dc:Title': FIELDS.title,
  'XMP-dc:Creator': FIELDS.byline[0]!,
  'XMP-dc:Rights': FIELDS.copyright,
  'XMP-dc:Subject': FIELDS.keywords,
  'XMP-photoshop:Headline': FIELDS.headline,
  'XMP-photoshop:Credit': FIELDS.credit,
  'XMP-photoshop:Source': FIELDS.source,
  'XMP-photoshop:City': FIELDS.city,
  'XMP-photoshop:State': FIELDS.province,
  'XMP-photoshop:Country': FIELDS.country,
  'XMP-photoshop:TransmissionReference': FIELDS.jobId,
  'XMP-photoshop:Instructions': FIELDS.instructions,
  'XMP-photoshop:DateCreated': '2024:12:26 14:30:00+07:00',
  'XMP-iptcCore:CountryCode': FIELDS.countryCode,
  'XMP-iptcCore:Location': FIELDS.location,
  'IFD0:ImageDescription': FIELDS.caption,
  'IFD0:Artist': FIELDS.byline[0]!,
  'IFD0:Copyright': FIELDS.copyright,
};

/** ExifTool's warnings per file; text output, because JSON keeps only one Warning per group. */
async function validationWarnings(files: string[]): Promise<Map<string, Set<string>>> {
  const { stdout } = await run('exiftool', ['-validate', '-warning', '-a', '-G1', '-s', ...files], {
    maxBuffer: 64 << 20,
  });
  const out = new Map<string, Set<string>>(files.map((f) => [f, new Set<string>()]));
  let current = files[0]!;
  for (const line of stdout.split('\n')) {
    const header = /^======== (.*)$/.exec(line);
    if (header) current = header[1]!;
    const warning = /^\[ExifTool\d*\]\s+Warning\s+: (.*)$/.exec(line);
    if (warning) out.get(current)!.add(warning[1]!);
  }
  return out;
}

/** The image data: SOS to the end (EOI, or where a truncated file stops). */
function imageDataHash(jpeg: Buffer): string {
  return createHash('sha256')
    .update(jpeg.subarray(splitJpeg(jpeg).sosOffset))
    .digest('hex');
}

describe.skipIf(!hasExiftool)('embedMetadata on every JPEG fixture, read back by ExifTool', () => {
  let dir: string;
  let outDir: string;
  let names: string[];
  let inputs: string[];
  let outputs: string[];
  let copiesBefore: Map<string, string>;
  const reports = new Map<string, EmbedReport>();

  beforeAll(async () => {
    names = (await readdir(FIXTURES)).filter((n) => /\.jpe?g$/i.test(n)).sort();
    dir = await copyFixtures(names);
    copiesBefore = await checksums(dir);
    outDir = await tempDir('captiondesk-embed-');
    inputs = names.map((n) => join(dir, n));
    outputs = names.map((n) => join(outDir, n));
    for (const [i, n] of names.entries()) {
      const { jpeg, report } = embedMetadata(await readFile(inputs[i]!), FIELDS);
      reports.set(n, report);
      await writeFile(outputs[i]!, jpeg);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  });

  it('covers every JPEG fixture', () => {
    expect(names.length).toBeGreaterThanOrEqual(19);
  });

  it('writes every field, exactly and in NFC, into IPTC, XMP and EXIF', async () => {
    const tags = await exiftool(outputs);
    for (const [i, n] of names.entries()) {
      const got = tags.find((t) => t.SourceFile === outputs[i])!;
      const picked = Object.fromEntries(Object.keys(EXPECTED).map((k) => [k, got[k]]));
      expect({ file: n, ...picked }).toEqual({ file: n, ...EXPECTED });
      expect(reports.get(n)!.truncated).toEqual([]);
      expect(reports.get(n)!.extendedXmp).toBe(false);
    }
  });

  it('adds no ExifTool -validate warning the input did not have', async () => {
    const warnings = await validationWarnings([...inputs, ...outputs]);
    for (const [i, n] of names.entries()) {
      const before = warnings.get(inputs[i]!)!;
      const added = [...warnings.get(outputs[i]!)!].filter((w) => !before.has(w));
      expect({ file: n, added }).toEqual({ file: n, added: [] });
    }
  });

  it('leaves the image data byte-identical', async () => {
    for (const [i, n] of names.entries()) {
      const before = imageDataHash(await readFile(inputs[i]!));
      expect({ file: n, hash: imageDataHash(await readFile(outputs[i]!)) }).toEqual({
        file: n,
        hash: before,
      });
    }
  });

  it.skipIf(!hasPhp)(
    hasPhp
      ? 'is read by PHP iptcparse, as WordPress reads it'
      : 'PHP iptcparse check skipped: /usr/bin/php is missing (apt-get install php-cli)',
    async () => {
      const php = `
      $out = [];
      foreach (array_slice($argv, 1) as $f) {
        $info = [];
        getimagesize($f, $info);
        $i = iptcparse($info['APP13']);
        $out[] = [$i['2#120'][0], $i['2#080'], $i['2#105'][0], $i['2#110'][0]];
      }
      echo json_encode($out, JSON_UNESCAPED_UNICODE);`;
      const { stdout } = await run('php', ['-r', php, '--', ...outputs], { maxBuffer: 16 << 20 });
      const got = JSON.parse(stdout) as unknown[];
      expect(got).toHaveLength(names.length);
      for (const row of got)
        expect(row).toEqual([FIELDS.caption, FIELDS.byline, FIELDS.headline, FIELDS.credit]);
    },
  );

  it('removes GPS everywhere and sets Orientation when asked', async () => {
    const gpsOut = names.map((n) => join(outDir, `nogps-${n}`));
    for (const [i] of names.entries()) {
      const { jpeg } = embedMetadata(await readFile(inputs[i]!), FIELDS, {
        keepGps: false,
        orientation: 1,
      });
      await writeFile(gpsOut[i]!, jpeg);
    }
    for (const t of await exiftool(gpsOut, ['-n'])) {
      expect(Object.keys(t).filter((k) => /GPS/i.test(k))).toEqual([]);
      expect(t['IFD0:Orientation']).toBe(1);
    }
  });

  it('gives the same bytes when run on its own output', async () => {
    for (const out of outputs) {
      const once = await readFile(out);
      expect(embedMetadata(once, FIELDS).jpeg.equals(once)).toBe(true);
    }
  });

  it('never touches the originals or the copies it read', async () => {
    expect(await checksums(dir)).toEqual(copiesBefore);
    for (const e of (await manifest()).filter((m) => names.includes(m.file)))
      expect(await sha256(join(FIXTURES, e.file))).toBe(e.sha256);
  });
});

describe.skipIf(!hasExiftool)('a caption too big for one XMP segment', () => {
  it('goes to Extended XMP in full, and to IIM and EXIF cut at 2000 bytes', async () => {
    const dir = await copyFixtures(['canon-eos1300d-18mp.jpg']);
    const outDir = await tempDir('captiondesk-embed-');
    try {
      let caption = '';
      while (Buffer.byteLength(caption) < 70_000) caption += `${FIELDS.caption} `;
      const input = join(dir, 'canon-eos1300d-18mp.jpg');
      const output = join(outDir, 'big.jpg');
      const { jpeg, report } = embedMetadata(await readFile(input), { ...FIELDS, caption });
      await writeFile(output, jpeg);
      expect(report.extendedXmp).toBe(true);
      expect(report.truncated.map((t) => t.dataset)).toEqual(['EXIF ImageDescription', '2:120']);
      const [tags] = await exiftool([output]);
      expect(tags!['XMP-dc:Description']).toBe(caption);
      expect(tags!['XMP-xmpNote:HasExtendedXMP']).toMatch(/^[0-9A-F]{32}$/);
      for (const key of ['IPTC:Caption-Abstract', 'IFD0:ImageDescription']) {
        const cut = tags![key] as string;
        expect(caption.startsWith(cut.trimEnd())).toBe(true);
        expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(2000);
        expect(Buffer.byteLength(cut)).toBeGreaterThan(1900);
      }
      const warnings = await validationWarnings([input, output]);
      expect([...warnings.get(output)!].filter((w) => !warnings.get(input)!.has(w))).toEqual([]);
      expect(imageDataHash(jpeg)).toBe(imageDataHash(await readFile(input)));
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
