/** Vietnamese text has precomposed and combining forms; we keep only NFC past any boundary. */
export function nfc(s: string): string;
export function nfc(s: string | null | undefined): string | null;
export function nfc(s: string | null | undefined): string | null {
  return s == null ? null : s.normalize('NFC');
}

/**
 * Fold for diacritic-insensitive search and file names: strip marks and map đ/Đ,
 * which has no Unicode decomposition and so survives a plain mark strip.
 */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
