/**
 * verify's check of the photos' Content Credentials: each photo the manifest says is
 * signed must carry a manifest that holds (signature, hash binding, certificate), be the
 * one recorded, and name the recorded original as its parent. Who signed it is judged by
 * this computer's trust list: an unknown signer is a note, not a failure.
 */
import { FAILING_STATES } from '../../../common/credentials/verdict';
import type { Manifest } from '../../contract/package-manifest';
import { inspectBytes } from './inspect';
import type { LoadedTrust } from './trust-list';

export interface CredentialsFinding {
  file: string;
  message: string;
}

export async function verifyPhotoCredentials(
  manifest: Manifest,
  read: (file: string) => Promise<Buffer>,
  trust: LoadedTrust,
): Promise<{ problems: CredentialsFinding[]; notes: string[] }> {
  const problems: CredentialsFinding[] = [];
  const notes: string[] = [];
  for (const p of manifest.photos) {
    const recorded = p.credentials;
    if (!recorded) continue;
    if (!recorded.signed) {
      if (recorded.state === 'broken')
        notes.push(
          `${p.file}: its Content Credentials were broken by a caption edit made without a signing identity`,
        );
      continue;
    }
    const found = await inspectBytes(p.file, await read(p.file), trust);
    if (found.state === 'none' || FAILING_STATES.has(found.state)) {
      const why = found.problems.map((x) => x.explanation ?? x.code).join('; ');
      problems.push({
        file: p.file,
        message:
          found.state === 'none'
            ? 'the manifest says it is signed, but it carries no Content Credentials'
            : `its Content Credentials are ${found.state}${why ? `: ${why}` : ''}`,
      });
      continue;
    }
    if (found.manifest !== recorded.manifest)
      problems.push({
        file: p.file,
        message: `carries C2PA manifest ${found.manifest}, not ${recorded.manifest} as recorded`,
      });
    // The original is the parent, or, after a review signed the photo again, further up the chain.
    const parent = found.ingredients.find(
      (i) => i.relationship === 'parentOf' && i.title === p.source.file.normalize('NFC'),
    );
    if (!parent)
      problems.push({
        file: p.file,
        message: `its C2PA manifest does not name the original ${p.source.file} as its parent`,
      });
    else if (recorded.source.manifest && !parent.hasManifest)
      problems.push({
        file: p.file,
        message: "the original's own manifest is missing from its ingredient",
      });
    if (found.state === 'untrusted')
      notes.push(
        `${p.file}: signed by ${found.signer?.name ?? 'an unknown signer'}, who is not in this computer's trust list`,
      );
  }
  return { problems, notes };
}
