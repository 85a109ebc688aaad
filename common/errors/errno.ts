/**
 * The one place where Node's errno names become our codes. Pure (a string in, a code
 * out), so the core, the CLI and tests share it without importing node.
 */

/** The codes an errno can map to; all take a `path` parameter. */
export type ErrnoCode =
  'file-not-found' | 'disk-full' | 'permission-denied' | 'read-only' | 'file-busy' | 'not-a-folder';

const BY_ERRNO: Readonly<Record<string, ErrnoCode>> = {
  ENOENT: 'file-not-found',
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  EROFS: 'read-only',
  EBUSY: 'file-busy',
  ETXTBSY: 'file-busy',
  ENOTDIR: 'not-a-folder',
};

export function codeForErrno(errno: unknown): ErrnoCode | null {
  if (typeof errno !== 'string' || !Object.hasOwn(BY_ERRNO, errno)) return null;
  return BY_ERRNO[errno] as ErrnoCode;
}
