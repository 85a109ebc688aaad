import type { SourceFile } from './list-sources';

/** Files that keep one new base name: a RAW+JPEG pair (or any same-base set) in one card folder. */
export interface SourceGroup {
  members: SourceFile[];
  /** One JPEG and one RAW: shown as one photo, sharing `name.xmp` (as list-photos pairs them). */
  paired: boolean;
}

function base(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function ext(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

export function groupPairs(files: SourceFile[]): SourceGroup[] {
  const byKey = new Map<string, SourceFile[]>();
  for (const f of files) {
    const k = `${f.dir}\0${base(f.name).toLowerCase()}`;
    byKey.set(k, [...(byKey.get(k) ?? []), f]);
  }
  return [...byKey.values()].map((members) => {
    const jpegs = members.filter((m) => /\.jpe?g$/i.test(m.name));
    const raws = members.filter((m) => m.raw);
    // The JPEG first: its metadata names the pair and it is what the grid shows.
    members.sort((a, b) => Number(b === jpegs[0]) - Number(a === jpegs[0]));
    return { members, paired: jpegs.length >= 1 && raws.length === 1 };
  });
}
