import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import { makeTestPki, type TestPki } from '../../../test/helpers/c2pa-pki';
import { coreIn } from '../../../test/helpers/fixture-core';
import { tempDir } from '../../../test/helpers/fixtures';
import { cameraSigned, imageDataOffset } from '../../../test/helpers/signed-photos';
import { CredentialsCache } from './credentials-cache';
import { parseTrust } from './trust-list';

let pki: TestPki;
let dir: string;
let photo: string;

// Whole seconds, so the time set back after a change is the very same.
const WHEN = 1_700_000_000;

/** Change a byte of image data behind the cache's back: same size, same time. */
async function tamperKeepingTime(path: string) {
  const bytes = await readFile(path);
  const at = imageDataOffset(bytes) + 100;
  bytes[at] = bytes[at]! ^ 0x01;
  await writeFile(path, bytes);
  await utimes(path, WHEN, WHEN);
}

beforeAll(async () => {
  dir = await tempDir('captiondesk-credcache-');
  pki = await makeTestPki(join(dir, 'pki'));
  photo = join(dir, 'DSC-0001.JPG');
  await writeFile(photo, await cameraSigned('iptc-reference-nikon-d2x.jpg', pki.signer));
  await utimes(photo, WHEN, WHEN);
}, 30_000);

describe('the credentials cache', () => {
  it('keeps verdicts between runs, per trust list, for a day', async () => {
    const kept = join(dir, 'cache', 'credentials.json');
    const trust = parseTrust(pki.caPem);
    const first = new CredentialsCache(kept);
    expect((await first.inspect(photo, trust, true)).state).toBe('trusted');
    await first.save();

    await tamperKeepingTime(photo);
    // A later run takes the kept verdict (same size and time: it does not hash again)…
    expect((await new CredentialsCache(kept).inspect(photo, trust, true)).state).toBe('trusted');
    // …where a cache with nothing kept validates, and finds the change.
    expect((await new CredentialsCache(null).inspect(photo, trust, true)).state).toBe('broken');
    // Another trust list is another verdict.
    expect((await new CredentialsCache(kept).inspect(photo, parseTrust(''), true)).state).toBe(
      'broken',
    );

    // A verdict older than a day is not taken: a certificate may have expired since.
    const json = JSON.parse(await readFile(kept, 'utf8')) as {
      entries: [string, { checkedAt: number }][];
    };
    for (const [, e] of json.entries) e.checkedAt -= 25 * 3600 * 1000;
    await writeFile(kept, JSON.stringify(json));
    expect((await new CredentialsCache(kept).inspect(photo, trust, true)).state).toBe('broken');
  });

  it('a file the scan found no store in is not read at all', async () => {
    const c = await new CredentialsCache(null).inspect(photo, parseTrust(''), false);
    expect(c.state).toBe('none');
  });

  it('the core keeps what it validated in its cache folder when it closes', async () => {
    const root = await tempDir('captiondesk-credcore-');
    const core = coreIn(root);
    await core.api.openFolder({ path: dir });
    await core.api.setTrustList({ pem: pki.caPem });
    const [c] = await core.api.credentials({ folder: dir, files: ['DSC-0001.JPG'] });
    expect(c?.state).toBeDefined();
    await core.close();
    const kept = JSON.parse(await readFile(join(root, 'cache', 'credentials.json'), 'utf8')) as {
      entries: [string, unknown][];
    };
    expect(kept.entries.map(([path]) => path)).toEqual([photo]);
  });
});
