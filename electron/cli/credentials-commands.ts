import { basename, dirname, resolve } from 'node:path';
import { FAILING_STATES, signerLabel } from '../../common/credentials/verdict';
import type { Credentials, SigningIdentity } from '../contract/api';
import type { Command } from './commands';
import { define, flag, readTextFile } from './command-kit';
import { UsageError } from './parse-args';

const STATE_WORDS: Record<Credentials['state'], string> = {
  none: 'no Content Credentials',
  trusted: 'valid, trusted signer',
  untrusted: 'valid, signer not in the trust list',
  broken: 'BROKEN: changed after signing, or the manifest is corrupt',
  revoked: 'REVOKED signing certificate',
  expired: 'EXPIRED signing certificate',
};

function credentialsText(c: Credentials): string {
  const signer = c.signer
    ? (signerLabel(c.signer) ?? '') + (c.signer.issuer ? ` (issued by ${c.signer.issuer})` : '')
    : null;
  return [
    `${c.file}\t${c.error ? `ERROR ${c.error}` : STATE_WORDS[c.state]}`,
    ...(c.manifest ? [`  manifest   ${c.manifest}`] : []),
    ...(signer ? [`  signer     ${signer}`] : []),
    ...(c.signedAt ? [`  signed     ${c.signedAt}`] : []),
    ...(c.camera ? [`  camera     ${c.camera}`] : []),
    ...(c.generator ? [`  made by    ${c.generator}`] : []),
    ...c.actions.map(
      (a) => `  action     ${a.action}${a.description ? ` — ${a.description}` : ''}`,
    ),
    ...c.ingredients.map(
      (i) =>
        `  ${'  '.repeat(i.depth - 1)}ingredient ${i.relationship} ${i.title ?? '?'}` +
        (i.hasManifest
          ? ` (signed by ${i.signer?.name ?? '?'}${i.signedAt ? `, ${i.signedAt}` : ''})`
          : ' (no manifest)'),
    ),
    ...c.problems.map((p) => `  problem    ${p.code}${p.explanation ? `: ${p.explanation}` : ''}`),
  ].join('\n');
}

function identityText(i: SigningIdentity): string {
  return [
    `signer     ${i.certificate.subject} (issued by ${i.certificate.issuer})`,
    `valid to   ${i.certificate.notAfter}${i.expired ? ' — EXPIRED' : ''}`,
    `algorithm  ${i.algorithm}`,
    `key        ${i.keyStorage === 'keychain' ? "in the desktop app's keychain" : 'in a file only this user can read'}`,
  ].join('\n');
}

export const credentialsCommands: Command[] = [
  define({
    name: 'credentials',
    positionals: '<file>…',
    summary:
      "Photos' Content Credentials (C2PA): state, signer, camera, actions and ingredients. Exit 2 when any is broken, revoked or expired.",
    method: 'credentials',
    options: { json: { type: 'boolean' } },
    args: (a) => {
      if (!a.positionals.length) throw new UsageError('missing <file>');
      const paths = a.positionals.map((p) => resolve(p));
      const folders = new Set(paths.map((p) => dirname(p)));
      if (folders.size > 1)
        throw new UsageError('give the files of one folder at a time (they are read as a folder)');
      return { folder: [...folders][0]!, files: paths.map((p) => basename(p)) };
    },
    print: (list, a) =>
      a.flags.has('json') ? JSON.stringify(list, null, 2) : list.map(credentialsText).join('\n'),
    failures: (list) =>
      list.flatMap((c) =>
        c.error
          ? [`${c.file}: ${c.error}`]
          : FAILING_STATES.has(c.state)
            ? [`${c.file}: ${STATE_WORDS[c.state]}`]
            : [],
      ),
  }),
  define({
    name: 'trust-list',
    positionals: '<bundle.pem>',
    summary:
      'Set the certificates (and CRLs) Content Credentials are trusted by, from a PEM bundle; an empty file trusts no one.',
    method: 'setTrustList',
    options: {},
    args: (a) => {
      const file = a.positionals[0];
      if (!file) throw new UsageError('missing <bundle.pem>');
      return { pem: readTextFile(file, 'trust list') };
    },
    print: (t) =>
      [
        `${t.certificates.length} trusted certificate(s), ${t.crls.length} revocation list(s)`,
        ...t.certificates.map((c) => `  ${c.subject}\tvalid to ${c.notAfter}`),
      ].join('\n'),
  }),
  define({
    name: 'signing-identity',
    positionals: '',
    summary:
      'Set the identity exported photos are signed with: its certificate chain (signer first) and private key, in PEM.',
    method: 'setSigningIdentity',
    options: {
      cert: { type: 'string', value: '<chain.pem>', required: true },
      key: { type: 'string', value: '<key.pem>', required: true },
    },
    args: (a) => ({
      certificatePem: readTextFile(flag(a, 'cert')!, 'certificate chain'),
      privateKeyPem: readTextFile(flag(a, 'key')!, 'private key'),
    }),
    print: identityText,
  }),
];
