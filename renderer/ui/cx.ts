/** Joins class names, skipping the false and missing ones: `cx(styles.tile, on && styles.isOn)`. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
