/**
 * Vietnamese text has precomposed (NFC) and combining (NFD) forms; macOS file names
 * and some keyboards give NFD. We keep only NFC past any boundary.
 */
export function nfc(s: string): string;
export function nfc(s: string | null | undefined): string | null;
export function nfc(s: string | null | undefined): string | null {
  return s == null ? null : s.normalize('NFC');
}

/**
 * Strip marks for diacritic-insensitive search and file names. đ/Đ has no Unicode
 * decomposition, so a plain mark strip would leave it: it is mapped explicitly.
 */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** The key two strings share when a search should not care about case or marks. */
export function searchKey(s: string): string {
  return foldDiacritics(s).toLowerCase();
}

/** True when `needle` occurs in `haystack`, ignoring case and Vietnamese marks. */
export function matchesLoosely(haystack: string, needle: string): boolean {
  return searchKey(haystack).includes(searchKey(needle));
}
