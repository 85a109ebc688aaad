/**
 * Real signed files from the C2PA organisation's public test set (CC BY-SA 4.0, see
 * test/third-party/c2pa-public-testfiles/SOURCES.md), among them a Nikon Z 9 and a Pixel 5
 * signing in camera. The states are c2pa-rs's verdict today with an empty trust list: the
 * Nikon's certificate has long expired (no timestamp pins its signing time), and the Truepic
 * capture's hard binding no longer matches under the current spec's rules.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { REPO } from '../../../test/helpers/fixtures';
import { readPhoto } from '../metadata/read-photo';
import { inspectBytes } from './inspect';
import { parseTrust } from './trust-list';

const DIR = join(REPO, 'test/third-party/c2pa-public-testfiles');

const CASES = [
  { file: 'adobe-20220124-A.jpg', state: 'none', carries: false },
  {
    file: 'adobe-20220124-CAICAI.jpg',
    state: 'untrusted',
    carries: true,
    signer: 'C2PA Signer',
    ingredients: 4,
  },
  {
    file: 'adobe-20220124-E-dat-CA.jpg',
    state: 'broken',
    carries: true,
    problem: 'assertion.dataHash.mismatch',
  },
  {
    file: 'adobe-20220124-E-sig-CA.jpg',
    state: 'broken',
    carries: true,
    problem: 'claimSignature.mismatch',
  },
  {
    file: 'nikon-20221019-building.jpeg',
    state: 'expired',
    carries: true,
    signer: 'NIKON CORPORATION',
    camera: /NIKON Z 9/,
  },
  {
    file: 'truepic-20230212-camera.jpg',
    state: 'broken',
    carries: true,
    signer: 'Truepic Lens SDK v1.1.3 in Vision Camera v3.1.5',
    camera: /Pixel 5/,
  },
] as const;

describe('the C2PA public test files', () => {
  for (const c of CASES)
    it(`${c.file}: ${c.state}`, async () => {
      const path = join(DIR, c.file);
      expect((await readPhoto(path, c.file)).credentials ?? false).toBe(c.carries);
      const found = await inspectBytes(c.file, await readFile(path), parseTrust(''));
      expect(found.state).toBe(c.state);
      if ('signer' in c) expect(found.signer?.name).toBe(c.signer);
      if ('camera' in c) expect(found.camera).toMatch(c.camera);
      if ('ingredients' in c) expect(found.ingredients).toHaveLength(c.ingredients);
      if ('problem' in c) expect(found.problems.map((p) => p.code)).toContain(c.problem);
    });
});
