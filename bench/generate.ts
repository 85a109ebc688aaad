/**
 * The benchmark folder: N camera-sized JPEGs named like a card, cached in the temp folder
 * because making ~1 GB of photos takes longer than some of the timings.
 */
import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import exifr from 'exifr';
import { makeBaseImage } from './base-image';

/** Bump when the files change, so stale caches are rebuilt rather than reused. */
const GENERATOR_VERSION = 1;

export interface BenchFolder {
  dir: string;
  /** Absolute paths, in name order. */
  files: string[];
  bytes: number;
  reused: boolean;
  seconds: number;
  notes: string[];
}

interface Marker {
  version: number;
  files: Record<string, number>;
}

export function benchFolderPath(n: number, width: number, height: number): string {
  return path.join(os.tmpdir(), `captiondesk-bench-${n}-${width}x${height}`);
}

/** Kept beside the folder, not in it, so every tool sees only photos. */
const markerPath = (dir: string) => `${dir}.complete.json`;

const fileName = (i: number) => `DSC-${String(i + 1).padStart(4, '0')}.JPG`;

async function reusable(dir: string, n: number): Promise<Marker | null> {
  try {
    const marker = JSON.parse(await readFile(markerPath(dir), 'utf8')) as Marker;
    if (marker.version !== GENERATOR_VERSION || Object.keys(marker.files).length !== n) return null;
    for (const [name, bytes] of Object.entries(marker.files)) {
      if ((await stat(path.join(dir, name))).size !== bytes) return null;
    }
    return marker;
  } catch {
    return null;
  }
}

/** Where the EXIF block lies, so per-file edits cannot touch the image data. */
function exifSegment(jpeg: Buffer): { start: number; end: number } {
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1];
    const length = jpeg.readUInt16BE(at + 2);
    if (marker === 0xe1 && jpeg.toString('latin1', at + 4, at + 10) === 'Exif\0\0') {
      return { start: at + 4, end: at + 2 + length };
    }
    if (marker === 0xda) break;
    at += 2 + length;
  }
  throw new Error('the base image has no EXIF segment');
}

/** A morning event in Vietnam (UTC+7), one frame every 9 s. */
function captureTime(i: number): { exif: string; mtime: Date } {
  const local = new Date(Date.UTC(2024, 2, 15, 7, 30, 0) + i * 9000);
  const exif = local.toISOString().slice(0, 19).replace('T', ' ').replaceAll('-', ':');
  return { exif, mtime: new Date(local.getTime() - 7 * 3600 * 1000) };
}

/**
 * Every file is the base image's bytes with its EXIF dates rewritten in place (same
 * length, so no offset moves). Names, sizes and mtimes differ, so no cache keyed on them
 * can mistake one for another; the pixels are the same, which the benchmark does not mind.
 */
async function writeCopies(base: Buffer, dir: string, n: number): Promise<Record<string, number>> {
  const { start, end } = exifSegment(base);
  const raw = (await exifr.parse(base, { pick: ['DateTimeOriginal'], reviveValues: false })) as
    { DateTimeOriginal?: string } | undefined;
  const original = raw?.DateTimeOriginal;
  if (!original || original.length !== 19)
    throw new Error('the base image has no DateTimeOriginal');

  const at: number[] = [];
  for (let i = base.indexOf(original, start, 'latin1'); i !== -1 && i < end;) {
    at.push(i);
    i = base.indexOf(original, i + 1, 'latin1');
  }

  const files: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const { exif, mtime } = captureTime(i);
    // ModifyDate, DateTimeOriginal and CreateDate all carry the same stamp on a camera file.
    for (const offset of at) base.write(exif, offset, 'latin1');
    const file = path.join(dir, fileName(i));
    await writeFile(file, base);
    await utimes(file, mtime, mtime);
    files[fileName(i)] = base.length;
  }
  return files;
}

export async function ensureBenchFolder(
  n: number,
  width: number,
  height: number,
  exiftool: boolean,
): Promise<BenchFolder> {
  const started = performance.now();
  const dir = benchFolderPath(n, width, height);
  let marker = await reusable(dir, n);
  const reused = marker !== null;
  const notes: string[] = [];

  if (!marker) {
    await rm(markerPath(dir), { force: true });
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const baseFile = path.join(os.tmpdir(), `captiondesk-bench-base-${process.pid}.jpg`);
    try {
      const base = await makeBaseImage(baseFile, width, height, exiftool);
      notes.push(...base.notes);
      marker = {
        version: GENERATOR_VERSION,
        files: await writeCopies(await readFile(baseFile), dir, n),
      };
    } finally {
      await rm(baseFile, { force: true });
    }
    await writeFile(markerPath(dir), JSON.stringify(marker));
  }

  const names = Object.keys(marker.files).sort();
  return {
    dir,
    files: names.map((name) => path.join(dir, name)),
    bytes: Object.values(marker.files).reduce((a, b) => a + b, 0),
    reused,
    seconds: (performance.now() - started) / 1000,
    notes,
  };
}

export async function removeBenchFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await rm(markerPath(dir), { force: true });
}
