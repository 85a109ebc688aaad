/**
 * Every JPEG fixture the export accepts, copied, put in one gallery and built into a real
 * package through the core, then unpacked beside it: what the metadata-in-exports tests read
 * back with ExifTool. The originals' checksums are taken first, for "never touched".
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { join } from 'node:path';
import type { Manifest } from '../../electron/contract/package-manifest';
import type { Fields } from '../../electron/contract/api';
import type { Core } from '../../electron/core/app-core-types';
import { openZip } from '../../electron/core/zip';
import { checksums, copyFixtures, FIXTURES, tempDir } from './fixtures';
import { coreIn } from './fixture-core';

/**
 * Not exportable by design: the export refuses a damaged source (sharp's failOn 'warning')
 * rather than print half a photo.
 */
export const REFUSED_JPEGS = new Set([
  'sony-xperia-truncated.jpg',
  'photoshop-extra-bytes-after-app2.jpg',
]);

export interface AllJpegsPackage {
  dir: string;
  state: string;
  core: Core;
  files: string[];
  before: Map<string, string>;
  manifest: Manifest;
  /** The exported photos, unpacked, in manifest order. */
  exportedPaths: string[];
  /** The sources, in manifest order. */
  sourcePaths: string[];
  close(): Promise<void>;
}

export async function packageAllJpegs(opts: {
  headline: string;
  timeZone: string;
  fields?: Fields;
}): Promise<AllJpegsPackage> {
  const facts = JSON.parse(await readFile(join(FIXTURES, 'manifest.json'), 'utf8')) as {
    file: string;
    format: string;
  }[];
  const files = facts
    .filter((f) => f.format === 'JPEG' && !REFUSED_JPEGS.has(f.file))
    .map((f) => f.file);
  const dir = await copyFixtures(files);
  const before = await checksums(dir);
  const state = await tempDir();
  const core = coreIn(state);
  await core.api.openFolder({ path: dir });
  const event = await core.api.getEvent({ folder: dir });
  await core.api.saveEvent({ folder: dir, event: { ...event, timeZone: opts.timeZone } });
  const article = await core.api.importArticle({
    folder: dir,
    structure: {
      headline: opts.headline,
      sapo: 'Mọi ảnh mẫu JPEG.',
      body: [{ type: 'gallery', photos: files.map((source) => ({ source })), caption: 'Ảnh.' }],
    },
  });
  if (opts.fields)
    await core.api.setFields({ folder: dir, files, fields: opts.fields, culling: {} });
  const out = join(state, 'out', 'pkg.zip');
  await mkdir(join(state, 'out'));
  await core.api.buildPackage({
    folder: dir,
    articleId: article.id,
    out,
    outlet: 'baolaocai',
    initials: 'tl',
  });
  const zip = await openZip(out);
  const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as Manifest;
  const extracted = join(state, 'extracted');
  await mkdir(extracted);
  const exportedPaths = manifest.photos.map((p) => join(extracted, p.file.slice('photos/'.length)));
  for (const [i, p] of manifest.photos.entries())
    await writeFile(exportedPaths[i]!, await zip.read(p.file));
  await zip.close();
  return {
    dir,
    state,
    core,
    files,
    before,
    manifest,
    exportedPaths,
    sourcePaths: manifest.photos.map((p) => join(dir, p.source.file)),
    async close() {
      await core.close();
      await rm(dir, { recursive: true, force: true });
      await rm(state, { recursive: true, force: true });
    },
  };
}

/** Every JPEG fixture but the damaged ones is in the package, and no original was touched. */
export async function expectAllExported(pkg: AllJpegsPackage): Promise<void> {
  expect(pkg.files.length).toBeGreaterThanOrEqual(19);
  expect(pkg.manifest.photos.map((p) => p.source.file).sort()).toEqual([...pkg.files].sort());
  expect(await checksums(pkg.dir)).toEqual(pkg.before);
}
