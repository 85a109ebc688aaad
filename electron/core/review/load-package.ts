import { basename } from 'node:path';
import { ApiError } from '../../contract/api';
import { manifestSha256Of } from '../package/history-chain';
import type { Manifest } from '../../contract/package-manifest';
import { verifyPackage, type PackageProblem } from '../package/verify';

export interface VerifiedPackage {
  path: string;
  manifest: Manifest;
  /** sha256 of manifest.json's bytes: what the next version records as its parent. */
  manifestSha256: string;
  notes: string[];
}

export function describeProblem(p: PackageProblem): string {
  return p.file === null ? p.message : `${p.file}: ${p.message}`;
}

/**
 * Every review action starts here: the whole package is proven (safe zip, schema, every
 * member's size and sha256, history) before any of it is used. A package that fails is
 * refused with every reason, each naming its file.
 */
export async function loadVerifiedPackage(path: string): Promise<VerifiedPackage> {
  const result = await verifyPackage(path);
  if (!result.ok || !result.manifest) {
    const reasons = result.problems.map(describeProblem);
    // One problem says why in its own code (not found, a refused zip); several, or none
    // coded, make the package invalid, and the UI lists the English reasons below.
    const only = result.problems.length === 1 ? result.problems[0] : undefined;
    const coded = only?.code ? only : undefined;
    const info = coded?.code
      ? { code: coded.code, params: coded.params ?? {} }
      : { code: 'package-invalid' as const, params: { file: basename(path) } };
    throw new ApiError(
      `Refusing to open ${basename(path)}:\n  ${reasons.join('\n  ')}`,
      info.code,
      info.params as never,
    );
  }
  return {
    path,
    manifest: result.manifest,
    manifestSha256: await manifestSha256Of(path),
    notes: result.notes ?? [],
  };
}
