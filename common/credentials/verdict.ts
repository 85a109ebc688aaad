/**
 * What the core, the CLI and the UI all say the same way about a photo's Content
 * Credentials. Structural types only: common/ imports nothing of ours.
 */

/** States in which the credentials do not hold: the filter's "hỏng", the CLI's exit 2, the package checks. */
export const FAILING_STATES: ReadonlySet<string> = new Set(['broken', 'revoked', 'expired']);

/** "Phóng viên Lê Đức, Báo Lào Cai": the certificate's name and organization, as far as it gives them. */
export function signerLabel(
  s: { name: string | null; organization: string | null } | null | undefined,
): string | null {
  return s ? [s.name, s.organization].filter(Boolean).join(', ') || null : null;
}
