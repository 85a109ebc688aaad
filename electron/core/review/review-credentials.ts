/**
 * A caption edit in review rewrites a photo's headers, which breaks the hash its Content
 * Credentials bind. With a signing identity on the reviewing computer the photo is signed
 * again: a new manifest whose parentOf ingredient is the version reviewed, so the chain
 * back to the camera stays whole. Without one the photo is recorded as broken, and the
 * review says so; a broken state is never hidden.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';

import type { Manifest } from '../../contract/package-manifest';
import { signerLabel } from '../../../common/credentials/verdict';
import type { Signing } from '../credentials/export-credentials';
import { inspectBytes } from '../credentials/inspect';
import { EMPTY_METADATA, signDerivative } from '../credentials/sign-derivative';
import { ApiError } from '../../contract/errors';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function carryCredentials(
  prev: Manifest,
  next: Manifest,
  rewritten: Map<string, Buffer>,
  read: (file: string) => Promise<Buffer>,
  signing: Signing,
): Promise<{ resigned: string[]; broken: string[] }> {
  const before = new Map(prev.photos.map((p) => [p.id, p]));
  const resigned: string[] = [];
  const broken: string[] = [];
  for (const p of next.photos) {
    const edited = rewritten.get(p.id);
    const old = before.get(p.id)?.credentials;
    if (!edited || !old?.signed) continue;
    if (!signing.identity) {
      const now = await inspectBytes(p.file, edited, signing.trust);
      p.credentials = { ...old, signed: false, state: now.state };
      if (now.state !== 'none') broken.push(p.id);
      continue;
    }
    const previous = await read(p.file);
    let signed;
    try {
      signed = await signDerivative(edited, signing.identity, {
        title: basename(p.file),
        parent: {
          title: basename(p.file),
          format: 'image/jpeg',
          bytes: previous,
          credentials: await inspectBytes(p.file, previous, signing.trust),
        },
        actions: [
          { action: 'c2pa.edited.metadata', description: 'Biên tập sửa chú thích khi duyệt bài' },
        ],
        metadata: {
          ...EMPTY_METADATA,
          caption: p.caption,
          byline: p.byline,
          credit: p.credit,
          headline: next.article.headline,
        },
        softwareAgent: signing.softwareAgent,
      });
    } catch (err) {
      throw new ApiError(
        `${p.file}: cannot sign it again: ${(err as Error).message}`,
        'signing-failed',
        {
          file: p.file,
        },
      );
    }
    const state = await inspectBytes(p.file, signed.data, signing.trust);
    rewritten.set(p.id, signed.data);
    p.bytes = signed.data.length;
    p.sha256 = sha256(signed.data);
    p.credentials = {
      signed: true,
      state: state.state,
      manifest: signed.manifest,
      signer: signerLabel(state.signer),
      source: old.source,
    };
    resigned.push(p.id);
  }
  return { resigned, broken };
}
