/**
 * A test PKI made with openssl, the way a newsroom's would be: a CA, a signer it issued
 * (emailProtection, as C2PA accepts), a signer from a CA outside the trust list, one whose
 * certificate expired, and one the CA revoked, with the CA's revocation list.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface TestSigner {
  certificatePem: string;
  /** Signer's certificate then its CA's: what a signing identity holds. */
  chainPem: string;
  keyPem: string;
}
export interface TestPki {
  dir: string;
  caPem: string;
  /** The CA's revocation list, listing `revoked`. */
  crlPem: string;
  signer: TestSigner;
  outsider: TestSigner;
  expired: TestSigner;
  revoked: TestSigner;
}

const EXT = `
[ca_ext]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
[signer_ext]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=emailProtection
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
[ca]
default_ca=test_ca
[test_ca]
dir=.
database=$dir/index.txt
new_certs_dir=$dir/issued
serial=$dir/serial
crlnumber=$dir/crlnumber
default_md=sha256
default_crl_days=30
policy=any
copy_extensions=none
unique_subject=no
[any]
commonName=supplied
organizationName=optional
[req]
distinguished_name=dn
utf8=yes
string_mask=utf8only
[dn]
`;

function run(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

async function makeCa(dir: string, name: string, subject: string): Promise<void> {
  await mkdir(join(dir, `${name}-issued`), { recursive: true });
  run(dir, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`]);
  run(dir, [
    'req',
    '-config',
    'pki.cnf',
    '-x509',
    '-new',
    '-key',
    `${name}.key`,
    '-subj',
    subject,
    '-days',
    '3650',
    '-sha256',
    '-extensions',
    'ca_ext',
    '-out',
    `${name}.pem`,
  ]);
}

async function issue(
  dir: string,
  ca: string,
  name: string,
  subject: string,
  dates: { start?: string; end?: string } = {},
): Promise<TestSigner> {
  run(dir, [
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-out',
    `${name}.key`,
  ]);
  run(dir, [
    'req',
    '-config',
    'pki.cnf',
    '-new',
    '-key',
    `${name}.key`,
    '-subj',
    subject,
    '-out',
    `${name}.csr`,
  ]);
  run(dir, [
    'ca',
    '-config',
    'pki.cnf',
    '-batch',
    '-notext',
    '-cert',
    `${ca}.pem`,
    '-keyfile',
    `${ca}.key`,
    '-outdir',
    `${ca}-issued`,
    '-extensions',
    'signer_ext',
    '-extfile',
    'pki.cnf',
    ...(dates.start ? ['-startdate', dates.start, '-enddate', dates.end!] : ['-days', '365']),
    '-in',
    `${name}.csr`,
    '-out',
    `${name}.pem`,
  ]);
  const certificatePem = await readFile(join(dir, `${name}.pem`), 'utf8');
  return {
    certificatePem,
    chainPem: certificatePem + (await readFile(join(dir, `${ca}.pem`), 'utf8')),
    keyPem: await readFile(join(dir, `${name}.key`), 'utf8'),
  };
}

export async function makeTestPki(dir: string): Promise<TestPki> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'pki.cnf'), EXT);
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), '1000\n');
  await writeFile(join(dir, 'crlnumber'), '01\n');
  await makeCa(dir, 'ca', '/CN=Báo Lào Cai Test CA/O=Báo Lào Cai');
  await makeCa(dir, 'other-ca', '/CN=Somebody Else CA/O=Elsewhere');
  const signer = await issue(dir, 'ca', 'signer', '/CN=Phóng viên Lê Đức/O=Báo Lào Cai');
  const outsider = await issue(dir, 'other-ca', 'outsider', '/CN=Unknown Signer/O=Elsewhere');
  const expired = await issue(dir, 'ca', 'expired', '/CN=Old Signer/O=Báo Lào Cai', {
    start: '20200101000000Z',
    end: '20210101000000Z',
  });
  const revoked = await issue(dir, 'ca', 'revoked', '/CN=Lost Laptop/O=Báo Lào Cai');
  // The CA revokes one signer and publishes its revocation list.
  const ca = (...args: string[]) =>
    run(dir, ['ca', '-config', 'pki.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', ...args]);
  ca('-revoke', 'revoked.pem');
  ca('-gencrl', '-out', 'ca.crl');
  return {
    dir,
    caPem: await readFile(join(dir, 'ca.pem'), 'utf8'),
    crlPem: await readFile(join(dir, 'ca.crl'), 'utf8'),
    signer,
    outsider,
    expired,
    revoked,
  };
}
