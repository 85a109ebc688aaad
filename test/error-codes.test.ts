/**
 * Specific failures give specific codes, so the UI can say them in the user's language:
 * a missing folder, a full disk, a folder we may not write, a broken JPEG, a hostile zip.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../electron/contract/errors';
import { toWireError } from '../electron/contract/dispatch';
import { sidecarBatchIo } from '../electron/core/api-parts/sidecar-writer';
import { rawZip, type RawEntry } from '../electron/core/zip/testing/raw-zip';
import { fixtureCore } from './helpers/fixture-core';
import { FIXTURES } from './helpers/fixtures';
import { manifestBytes, sha256, smallPackage } from './helpers/review-package';

const PHOTOS = [
  'canon-eos350d-progressive.jpg',
  'canon-eos1000d-orient6.jpg',
  'leica-t-orient8.jpg',
];

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const setup = (files = PHOTOS) => fixtureCore((fn) => cleanup.push(fn), files);

/** What a rejection carries, or a failure of the test when the call succeeds. */
async function rejection(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('error codes from the core', () => {
  it('names a folder that does not exist', async () => {
    const { core, state } = await setup([]);
    const missing = join(state, 'không-có');
    const err = await rejection(core.api.openFolder({ path: missing }));
    expect(err).toMatchObject({
      code: 'folder-not-found',
      kind: 'not-found',
      params: { path: missing },
    });
    // The English message stays for the CLI and the logs.
    expect(err.message).toMatch(/does not exist/);
    expect(toWireError(err)).toEqual({
      code: 'folder-not-found',
      params: { path: missing },
      message: err.message,
    });
  });

  it('says the disk is full when a sidecar cannot be written (ENOSPC through the batch seam)', async () => {
    const { dir, core } = await setup();
    await core.api.openFolder({ path: dir });
    vi.spyOn(sidecarBatchIo, 'writeTemp').mockImplementation(async (path) => {
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
        code: 'ENOSPC',
        path,
      });
    });
    const err = await rejection(
      core.api.setCulling({
        folder: dir,
        changes: PHOTOS.map((file) => ({ file, culling: { rating: 4 } })),
      }),
    );
    expect(err).toMatchObject({ code: 'disk-full', kind: 'io', params: { path: PHOTOS[0] } });
    expect(err.message).toMatch(/Nothing was changed.*ENOSPC/s);
  });

  it('says permission is denied when the ingest destination is a read-only folder', async (ctx) => {
    const { core, state } = await setup([]);
    const card = join(state, 'card', 'DCIM', '100CANON');
    await mkdir(card, { recursive: true });
    await writeFile(join(card, 'IMG_0001.JPG'), await readFile(join(FIXTURES, PHOTOS[0]!)));
    const dest = join(state, 'read-only');
    await mkdir(dest);
    const undo = await makeReadOnly(dest);
    if (!undo)
      return ctx.skip(
        'this user can write to any folder and the file system has no immutable flag',
      );
    cleanup.push(undo);
    const err = await rejection(core.api.ingest({ sources: [join(state, 'card')], to: dest }));
    expect(err).toMatchObject({
      code: 'permission-denied',
      kind: 'forbidden',
      params: { path: dest },
    });
  });

  it('says a broken JPEG is broken, in the photo and in the thumbnail report, and leaves it as it was', async () => {
    const { dir, core } = await setup([PHOTOS[0]!]);
    // The camera file cut inside its EXIF segment: the header no longer parses.
    const whole = await readFile(join(dir, PHOTOS[0]!));
    await writeFile(join(dir, 'broken.jpg'), whole.subarray(0, 200));
    const before = sha256(await readFile(join(dir, 'broken.jpg')));
    const { photos } = await core.api.openFolder({ path: dir });
    const broken = photos.find((p) => p.file === 'broken.jpg')!;
    expect(broken.error).toMatch(/broken\.jpg/);
    expect(broken).toMatchObject({ errorCode: 'jpeg-broken', errorParams: { file: 'broken.jpg' } });
    expect(photos.find((p) => p.file === PHOTOS[0])!.errorCode).toBeNull();
    const report = await core.api.buildThumbnails({ folder: dir });
    expect(report.failed).toEqual([
      expect.objectContaining({
        file: 'broken.jpg',
        code: 'jpeg-broken',
        params: { file: 'broken.jpg' },
      }),
    ]);
    expect(sha256(await readFile(join(dir, 'broken.jpg')))).toBe(before);
  });

  it('refuses a hostile or broken zip with the reason as a code', async () => {
    const { state, core } = await setup([]);
    const parts = await smallPackage();
    const members: RawEntry[] = [
      { name: 'manifest.json', content: manifestBytes(parts.manifest) },
      ...[...parts.files].map(([name, content]) => ({ name, content })),
    ];
    const cases: [string, Buffer, string][] = [
      [
        'slip',
        rawZip([...members, { name: '../../x', content: Buffer.from('escaped') }]),
        'unsafe-name',
      ],
      ['twice', rawZip([...members, members[0]!]), 'duplicate-name'],
      ['not-zip', Buffer.from('this is not a zip at all, only text'), 'not-a-zip'],
    ];
    for (const [name, bytes, reason] of cases) {
      const path = join(state, `${name}.zip`);
      await writeFile(path, bytes);
      const err = await rejection(core.api.openPackage({ path }));
      expect(err, name).toMatchObject({ code: 'zip-refused', kind: 'io', params: { reason } });
      const verdict = await core.api.verifyPackage({ path });
      expect(verdict.ok, name).toBe(false);
      expect(verdict.problems[0], name).toMatchObject({ code: 'zip-refused', params: { reason } });
    }
  });

  it('says which member of a package is missing, altered or not listed', async () => {
    const { state, core } = await setup([]);
    const parts = await smallPackage();
    const [manifest, first, ...rest] = [
      { name: 'manifest.json', content: manifestBytes(parts.manifest) },
      ...[...parts.files].map(([name, content]) => ({ name, content })),
    ];
    const path = join(state, 'tampered.zip');
    await writeFile(
      path,
      rawZip([
        manifest!,
        // The first listed member left out, the next one altered, a stranger added.
        ...rest.map((e, i) => (i === 0 ? { ...e, content: Buffer.from('altered') } : e)),
        { name: 'extra.txt', content: Buffer.from('not ours') },
      ]),
    );
    const verdict = await core.api.verifyPackage({ path });
    expect(verdict.ok).toBe(false);
    const coded = verdict.problems.map((p) => [p.code, p.params]);
    expect(coded).toContainEqual(['package-member-missing', { member: first!.name }]);
    expect(coded).toContainEqual(['package-member-corrupt', { member: rest[0]!.name }]);
    expect(coded).toContainEqual(['package-member-unexpected', { member: 'extra.txt' }]);
    // Several problems: the package is invalid, every reason listed in the English detail.
    const err = await rejection(core.api.openPackage({ path }));
    expect(err).toMatchObject({ code: 'package-invalid', params: { file: 'tampered.zip' } });
    expect(err.message).toMatch(/missing[\s\S]*sha256 mismatch[\s\S]*not listed/);
  });

  it('names a template that is not in the library', async () => {
    const { core } = await setup([]);
    const err = await rejection(core.api.loadTemplate({ name: 'không có' }));
    expect(err).toMatchObject({ code: 'template-not-found', params: { name: 'không có' } });
  });

  it('keeps the per-file code next to the English text when a template cannot be applied', async () => {
    const { dir, core } = await setup();
    await core.api.openFolder({ path: dir });
    await writeFile(join(dir, 'canon-eos1000d-orient6.xmp'), '<x:xmpmeta><rdf:RDF>not closed');
    await core.api.openFolder({ path: dir });
    const r = await core.api.applyTemplate({ folder: dir, files: ['canon-eos1000d-orient6.jpg'] });
    expect(r.failed).toEqual([
      expect.objectContaining({
        file: 'canon-eos1000d-orient6.jpg',
        error: expect.stringMatching(/canon-eos1000d-orient6\.jpg/),
        code: 'sidecar-damaged',
        params: { file: 'canon-eos1000d-orient6.jpg' },
      }),
    ]);
  });
});

/**
 * A folder this process cannot write to: permission bits for a normal user; for root,
 * which ignores them, the immutable flag where the file system has one. Null when
 * neither holds, so the test says it was skipped instead of passing without proof.
 */
async function makeReadOnly(dir: string): Promise<(() => Promise<void>) | null> {
  const writable = async () =>
    writeFile(join(dir, '.probe'), '').then(
      async () => {
        await rm(join(dir, '.probe'));
        return true;
      },
      () => false,
    );
  await chmod(dir, 0o555);
  if (!(await writable())) return () => chmod(dir, 0o755);
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
  } catch {
    await chmod(dir, 0o755);
    return null;
  }
  if (!(await writable())) {
    return async () => {
      execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
      await chmod(dir, 0o755);
    };
  }
  execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
  await chmod(dir, 0o755);
  return null;
}
