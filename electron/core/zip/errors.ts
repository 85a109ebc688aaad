/**
 * A package we refuse to read: hostile or broken, the caller cannot tell and should
 * not try. `reason` is for people (shown in the UI as is); `entry` names the member
 * when one is to blame, escaped so that even an invalid name prints safely.
 */
export class UnsafePackageError extends Error {
  override readonly name = 'UnsafePackageError';
  readonly reason: string;
  readonly entry?: string;

  constructor(reason: string, entry?: string) {
    super(entry === undefined ? reason : `${entry}: ${reason}`);
    this.reason = reason;
    if (entry !== undefined) this.entry = entry;
  }
}

/** A zip we refuse to write: it would break a limit of the plain (non-ZIP64) format or our name rules. */
export class ZipWriteError extends Error {
  override readonly name = 'ZipWriteError';
}
