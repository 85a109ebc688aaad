/** Find and replace across captions, plain or regular expression. */
export interface FindSpec {
  find: string;
  replace: string;
  regex: boolean;
  caseSensitive: boolean;
}

export class FindError extends Error {}

export function compileFind(spec: FindSpec): RegExp {
  if (!spec.find) throw new FindError('nothing to find');
  const flags = 'gu' + (spec.caseSensitive ? '' : 'i');
  const source = spec.regex
    ? spec.find.normalize('NFC')
    : spec.find.normalize('NFC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new FindError(`invalid regular expression: ${(err as Error).message}`);
  }
}

export function replaceAll(text: string, spec: FindSpec): { text: string; count: number } {
  const re = compileFind(spec);
  let count = 0;
  // In plain mode `$` in the replacement is literal text, not a group reference.
  const out = text.replace(re, (...args) => {
    count++;
    if (!spec.regex) return spec.replace.normalize('NFC');
    const groups = args.slice(1, -2) as (string | undefined)[];
    return spec.replace
      .normalize('NFC')
      .replace(/\$(\d{1,2}|&)/g, (_, g: string) =>
        g === '&' ? (args[0] as string) : (groups[Number(g) - 1] ?? ''),
      );
  });
  return { text: out, count };
}
