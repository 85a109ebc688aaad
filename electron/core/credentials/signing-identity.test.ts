import { execFileSync } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import { makeTestPki, type TestPki } from '../../../test/helpers/c2pa-pki';
import { tempDir } from '../../../test/helpers/fixtures';
import { MemorySecretStore } from '../outbox/secret-store';
import { SigningIdentityStore } from './signing-identity';
import { parseTrust, TrustListStore } from './trust-list';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki(join(await tempDir('captiondesk-pki-'), 'pki'));
}, 30_000);

describe('the signing identity', () => {
  it('in the desktop app the key goes to the keychain only; the chain to a plain file', async () => {
    const dir = await tempDir();
    const keychain = new MemorySecretStore();
    const store = new SigningIdentityStore(dir, keychain);
    const view = await store.set(pki.signer.chainPem, pki.signer.keyPem);
    expect(view).toMatchObject({
      keyStorage: 'keychain',
      algorithm: 'ES256',
      certificate: {
        subject: 'Phóng viên Lê Đức, Báo Lào Cai',
        issuer: 'Báo Lào Cai Test CA, Báo Lào Cai',
      },
      chain: [{ subject: 'Báo Lào Cai Test CA, Báo Lào Cai' }],
    });
    expect(await keychain.get('credentials:signing-key')).toMatch(/BEGIN PRIVATE KEY/);
    for (const name of await readdir(dir))
      expect(await readFile(join(dir, name), 'utf8')).not.toMatch(/PRIVATE KEY/);
    expect((await store.load())?.view.certificate.subject).toBe(view.certificate.subject);
    // The CLI on the same machine cannot open the app's keychain, and says how to sign anyway.
    await expect(new SigningIdentityStore(dir, null).load()).rejects.toMatchObject({
      code: 'signing-key-locked',
    });
    const keyFile = join(dir, 'my-key.pem');
    await writeFile(keyFile, pki.signer.keyPem);
    expect(await new SigningIdentityStore(dir, null, keyFile).load()).not.toBeNull();
    await store.clear();
    expect(await store.get()).toBeNull();
    expect(await keychain.get('credentials:signing-key')).toBeNull();
  });

  it('without a keychain the key is a file only its owner can read', async () => {
    const dir = await tempDir();
    const view = await new SigningIdentityStore(dir, null).set(
      pki.signer.chainPem,
      pki.signer.keyPem,
    );
    expect(view.keyStorage).toBe('file');
    expect((await stat(join(dir, 'signing-key.pem'))).mode & 0o777).toBe(0o600);
  });

  it('refuses what a C2PA validator would refuse, saying why', async () => {
    const store = new SigningIdentityStore(await tempDir(), null);
    await expect(store.set(pki.signer.chainPem, pki.outsider.keyPem)).rejects.toMatchObject({
      code: 'signing-key-mismatch',
    });
    const caKey = await readFile(join(pki.dir, 'ca.key'), 'utf8');
    await expect(store.set(pki.caPem, caKey)).rejects.toMatchObject({
      code: 'signing-certificate-unusable',
      params: { reason: expect.stringMatching(/CA certificate/) },
    });
    await expect(store.set('not a certificate', pki.signer.keyPem)).rejects.toMatchObject({
      code: 'pem-invalid',
    });
    const encrypted = execFileSync('openssl', [
      'pkcs8',
      '-topk8',
      '-passout',
      'pass:x',
      '-in',
      join(pki.dir, 'signer.key'),
    ]).toString();
    await expect(store.set(pki.signer.chainPem, encrypted)).rejects.toMatchObject({
      code: 'pem-invalid',
      message: expect.stringMatching(/encrypted/),
    });
    expect(
      (
        await new SigningIdentityStore(await tempDir(), null).set(
          pki.expired.chainPem,
          pki.expired.keyPem,
        )
      ).expired,
    ).toBe(true);
  });
});

describe('the trust list', () => {
  it('is empty by default, keeps certificates and CRLs, and names a block that does not read', async () => {
    const dir = await tempDir();
    const store = new TrustListStore(dir);
    expect((await store.load()).view).toEqual({ pem: '', certificates: [], crls: [] });
    const saved = await store.save(pki.caPem + pki.crlPem);
    expect(saved.view.certificates).toEqual([
      expect.objectContaining({ subject: 'Báo Lào Cai Test CA, Báo Lào Cai' }),
    ]);
    expect(saved.view.crls).toEqual([
      expect.objectContaining({ issuer: 'Báo Lào Cai Test CA', revoked: 1 }),
    ]);
    const broken = pki.caPem + '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    expect(() => parseTrust(broken)).toThrow(
      expect.objectContaining({ code: 'pem-invalid', params: { what: 'CERTIFICATE 2' } }),
    );
    expect(() => parseTrust('hello')).toThrow(expect.objectContaining({ code: 'pem-invalid' }));
    // A bad bundle is refused before anything is written: the saved one stays.
    await expect(store.save(broken)).rejects.toMatchObject({ code: 'pem-invalid' });
    expect((await new TrustListStore(dir).load()).view.certificates).toHaveLength(1);
  });
});
