import type { Credentials } from '../../electron/contract/credentials';
import type { Failure } from '../api/errors';
import { describeError } from '../errors/describe-error';
import type { Messages } from '../i18n/vi';

/** What a tile's Content Credentials mark shows. */
export type CredentialsBadge =
  'trusted' | 'untrusted' | 'broken' | 'revoked' | 'expired' | 'pending' | 'failed';

/** After "CR", the Content Credentials mark's own letters, so it reads apart from other marks. */
export const BADGE_GLYPH: Record<CredentialsBadge, string> = {
  trusted: 'CR✓',
  untrusted: 'CR?',
  broken: 'CR✗',
  revoked: 'CR⊘',
  expired: 'CR⊘',
  pending: 'CR…',
  failed: 'CR–',
};

/**
 * The mark of a photo: none without a manifest store (the scan's flag), pending until
 * the verdict comes, then the verdict. A store the validator found no manifest in (state
 * none) shows nothing, like a photo without one.
 */
export function badgeOf(
  carries: boolean,
  verdict: Credentials | undefined,
  failure: Failure | undefined,
): CredentialsBadge | null {
  if (!carries) return null;
  if (!verdict) return failure ? 'failed' : 'pending';
  if (verdict.error) return 'failed';
  return verdict.state === 'none' ? null : verdict.state;
}

/** "Phóng viên Lê Đức, Báo Lào Cai" or whatever part of it the certificate names. */
export function signerLine(m: Messages, c: Credentials | undefined): string {
  const parts = [c?.signer?.name, c?.signer?.organization].filter((p): p is string => !!p);
  return parts.length ? [...new Set(parts)].join(', ') : m.credUnknownSigner;
}

/** The badge's title and aria-label. */
export function badgeText(
  m: Messages,
  badge: CredentialsBadge,
  verdict: Credentials | undefined,
  failure: Failure | undefined,
): string {
  switch (badge) {
    case 'trusted':
      return m.credBadgeTrusted(signerLine(m, verdict));
    case 'untrusted':
      return m.credBadgeUntrusted(signerLine(m, verdict));
    case 'broken':
      return m.credBadgeBroken;
    case 'revoked':
      return m.credBadgeRevoked(signerLine(m, verdict));
    case 'expired':
      return m.credBadgeExpired(signerLine(m, verdict));
    case 'pending':
      return m.credBadgePending;
    case 'failed':
      return m.credBadgeFailed(
        verdict?.error ?? (failure ? describeError(failure, m) : m.credUnknownSigner),
      );
  }
}
