import * as exifrModule from 'exifr';

/**
 * exifr ships a UMD main (Node, tsx, Electron main) and an ESM module field (Vite,
 * Vitest) whose default exports differ; take each function from wherever it is.
 */
type ExifrLike = typeof exifrModule.default;
const ns = exifrModule as unknown as Partial<ExifrLike> & { default?: Partial<ExifrLike> };

function pick<K extends 'parse' | 'thumbnail' | 'sidecar'>(name: K): ExifrLike[K] {
  const fn = ns[name] ?? ns.default?.[name];
  if (typeof fn !== 'function') throw new Error(`exifr.${name} is not available`);
  return fn as ExifrLike[K];
}

export const exifrParse = pick('parse');
export const exifrThumbnail = pick('thumbnail');
export const exifrSidecar = pick('sidecar');
