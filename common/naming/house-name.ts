import { foldDiacritics } from '../text/normalize';

/**
 * House naming for exported photos: a pattern with variables, lower case ASCII,
 * đ→d and marks folded, so any CMS, FTP server or file system takes the name.
 * `{outlet}-{initials}_{fbas}` gives `baolaocai-tl_dsc-2409.jpg` for DSC-2409.JPG.
 */
export interface NamingContext {
  outlet: string;
  initials: string;
  /** Source file name, e.g. DSC-2409.JPG. */
  file: string;
  seqn: number;
  date: string | null;
}

export function asciiSlugPart(s: string): string {
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

function base(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

export function renderNamePattern(pattern: string, ctx: NamingContext): string {
  const values: Record<string, string> = {
    outlet: ctx.outlet,
    initials: ctx.initials,
    fbas: base(ctx.file),
    filenamebase: base(ctx.file),
    filename: ctx.file,
    seqn: String(ctx.seqn).padStart(3, '0'),
    date: ctx.date ? ctx.date.slice(0, 10).replace(/-/g, '') : '',
  };
  const raw = pattern.replace(
    /\{([a-z]+)\}/gi,
    (whole, name: string) => values[name.toLowerCase()] ?? whole,
  );
  return asciiSlugPart(raw.replace(/[{}]/g, ''));
}

/**
 * Names for a list of photos in article order: collisions get `-2`, `-3`… in that
 * order (deterministic), and each name stays within `maxLength` with its extension.
 */
export function houseNames(
  pattern: string,
  items: NamingContext[],
  maxLength: number,
  ext = '.jpg',
): string[] {
  const used = new Set<string>();
  return items.map((ctx) => {
    const stem = renderNamePattern(pattern, ctx) || 'photo';
    const fit = (s: string, suffix: string) =>
      s.slice(0, Math.max(1, maxLength - ext.length - suffix.length)).replace(/[-.]+$/, '') +
      suffix;
    let name = fit(stem, '') + ext;
    for (let n = 2; used.has(name); n++) name = fit(stem, `-${n}`) + ext;
    used.add(name);
    return name;
  });
}

/** `<outlet>-<date>-<slug>.zip` for a package. */
export function packageFileName(
  outlet: string,
  date: string,
  headline: string,
  maxSlug = 60,
): string {
  let slug = asciiSlugPart(headline.replace(/["“”'‘’]/g, '')).replace(/[._]/g, '-');
  if (slug.length > maxSlug) {
    // Cut between words, so the name does not end in half a syllable.
    const cut = slug.slice(0, maxSlug + 1);
    slug = cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : maxSlug);
  }
  slug = slug.replace(/-+$/, '') || 'bai-viet';
  const d = /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? 'undated';
  return `${asciiSlugPart(outlet) || 'outlet'}-${d}-${slug}.zip`;
}
