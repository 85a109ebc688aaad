/**
 * The tools a photo desk already trusts, timed over the same files as CaptionDesk.
 * Each is spawned as a user would run it; its output is discarded.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { capture, firstLineOf, runQuiet } from './processes';

export interface ToolVersions {
  exiftool: string | null;
  vipsthumbnail: string | null;
}

export async function toolVersions(): Promise<ToolVersions> {
  const [exiftool, vipsthumbnail] = await Promise.all([
    firstLineOf('exiftool', ['-ver']),
    firstLineOf('vipsthumbnail', ['--vips-version']),
  ]);
  return { exiftool, vipsthumbnail };
}

/** Milliseconds of wall time. */
async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** One exiftool process, as a photo desk script would call it. */
export function timeExiftool(files: readonly string[]): Promise<number> {
  return timed(() => runQuiet('exiftool', ['-fast2', '-j', ...files]));
}

export interface VipsTiming {
  ms: number;
  /** User + system CPU of all the processes, from /usr/bin/time; null without it. */
  cpuMs: number | null;
}

const TIME = '/usr/bin/time';

/**
 * vipsthumbnail over `processes` equal slices of the list at once, one per core, so it
 * gets the same CPUs CaptionDesk's thumbnail pool gets.
 */
export async function timeVipsthumbnail(
  files: readonly string[],
  processes: number,
  size: number,
): Promise<VipsTiming> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'captiondesk-bench-vips-'));
  const withTime = existsSync(TIME);
  try {
    const slices = split(files, processes);
    const ms = await timed(async () => {
      await Promise.all(
        slices.map((slice, i) => {
          const args = ['--size', `${size}x${size}`, '-o', `${outDir}/%s.jpg`, ...slice];
          return withTime
            ? runQuiet(TIME, [
                '-f',
                '%U %S',
                '-o',
                `${outDir}/cpu-${i}.txt`,
                'vipsthumbnail',
                ...args,
              ])
            : runQuiet('vipsthumbnail', args);
        }),
      );
    });
    let cpuMs: number | null = null;
    if (withTime) {
      cpuMs = 0;
      for (let i = 0; i < slices.length; i++) {
        const [user, system] = (await readFile(`${outDir}/cpu-${i}.txt`, 'utf8'))
          .trim()
          .split(/\s+/)
          .slice(-2)
          .map(Number);
        cpuMs += ((user ?? 0) + (system ?? 0)) * 1000;
      }
    }
    return { ms, cpuMs };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * sha256sum over `processes` equal slices of the list at once, one per core: the floor for
 * validating Content Credentials, which must hash every byte of every photo.
 */
export function timeSha256sum(files: readonly string[], processes: number): Promise<number> {
  return timed(async () => {
    await Promise.all(split(files, processes).map((slice) => runQuiet('sha256sum', slice)));
  });
}

function split<T>(items: readonly T[], parts: number): T[][] {
  const count = Math.max(1, Math.min(parts, items.length));
  const size = Math.ceil(items.length / count);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A one-line check that a generated file carries what a camera would write. */
export async function exifSummary(file: string): Promise<string> {
  const [tags] = JSON.parse(
    await capture('exiftool', [
      '-j',
      '-Make',
      '-Model',
      '-DateTimeOriginal',
      '-ExposureTime',
      '-FNumber',
      '-ISO',
      '-LensModel',
      '-Orientation',
      '-ThumbnailImage',
      '-JFIFVersion',
      file,
    ]),
  ) as Record<string, unknown>[];
  const get = (key: string) => (tags?.[key] === undefined ? 'MISSING' : String(tags[key]));
  return (
    `${path.basename(file)}: ${get('Make')} / ${get('Model')}, ${get('DateTimeOriginal')}, ` +
    `${get('ExposureTime')} f/${get('FNumber')} ISO ${get('ISO')}, ${get('LensModel')}, ` +
    `orientation ${get('Orientation')}, EXIF thumbnail ${get('ThumbnailImage')}` +
    (tags?.JFIFVersion === undefined ? '' : ', has JFIF')
  );
}
