/**
 * Media paths are relative URLs the renderer prefixes with its transport's origin
 * (`app://media/…` in Electron, `/media/…` in browser mode). Both fronts resolve them
 * through the core, which serves only files under folders that were opened.
 */
export function mediaPath(
  kind: 'thumb' | 'preview' | 'full',
  folderKey: string,
  file: string,
  version = '',
): string {
  const v = version ? `?v=${encodeURIComponent(version)}` : '';
  return `media/${kind}/${folderKey}/${encodeURIComponent(file)}${v}`;
}
