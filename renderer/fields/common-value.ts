/** Several photos selected: the value they share, or MIXED when they differ. */
export const MIXED = Symbol('mixed');
export type Common = string | typeof MIXED;

export function commonValue<T>(items: readonly T[], read: (item: T) => string): Common {
  if (items.length === 0) return '';
  const first = read(items[0]!);
  return items.every((item) => read(item) === first) ? first : MIXED;
}

/** Keywords as typed in one field: "hội nghị, công đoàn". */
export function splitList(value: string): string[] {
  return value
    .split(/[,;\n]/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function joinList(values: readonly string[]): string {
  return values.join(', ');
}

/** Bylines are a list in IPTC; several names are typed separated by ";". */
export function splitBylines(value: string): string[] {
  return value
    .split(/\s*;\s*/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
