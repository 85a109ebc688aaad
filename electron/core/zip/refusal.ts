import type { ZipRefusal } from '../../../common/errors/error-codes';

/**
 * Why a zip was refused, as a code the UI can translate. The reader's reasons are
 * English sentences for the CLI; this reads them in one place (the zip reader's own
 * wording), so the many throw sites in the reader stay as they are.
 */
const RULES: readonly [RegExp, ZipRefusal][] = [
  [/^not a zip file/, 'not-a-zip'],
  [/ZIP64|split \(multi-disk\)|encrypted|compression method|symbolic link/i, 'unsupported'],
  [/entries is more than the limit/, 'too-many-entries'],
  [/limit of \d+ bytes|zip bomb|more than the limit/i, 'too-big'],
  [/^duplicate name|collides with/, 'duplicate-name'],
  [/name|path|segment|directory entries|is inside/i, 'unsafe-name'],
];

export function zipRefusalOf(reason: string): ZipRefusal {
  for (const [pattern, refusal] of RULES) if (pattern.test(reason)) return refusal;
  return 'damaged';
}
