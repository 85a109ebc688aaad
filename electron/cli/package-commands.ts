import type { Command } from './commands';
import { define, flag, need, readJsonFile } from './command-kit';
import { UsageError } from './parse-args';

/** `article import`, `package`, `packages`, `verify`: the article package from a terminal or a newsroom script. */
export const packageCommands: Command[] = [
  define({
    name: 'article',
    positionals: 'import <folder> <structure.json>',
    summary: 'Create an article from JSON in the shape of structure.json; prints its id.',
    method: 'importArticle',
    options: {},
    args: (a) => {
      if (a.positionals[0] !== 'import')
        throw new UsageError('the only article command is "article import"');
      return {
        folder: need(a, 1, '<folder>'),
        structure: readJsonFile(need(a, 2, '<structure.json>'), 'article'),
      };
    },
    print: (article) => article.id,
  }),
  define({
    name: 'package',
    positionals: '<folder>',
    summary:
      'Build the article package: renamed web JPEGs with captions, manifest, HTML preview, NewsML-G2.',
    method: 'buildPackage',
    options: {
      article: { type: 'string', value: '<id>', required: true },
      out: { type: 'string', value: '<file.zip>' },
      preset: { type: 'string', value: '<name>' },
      outlet: { type: 'string', value: '<x>' },
      initials: { type: 'string', value: '<y>' },
      // For desks that fetch over HTTP: newsml.xml's photo hrefs become absolute under it.
      'newsml-base-url': { type: 'string', value: '<url>' },
      // Signing is asked for, never implied: a key kept in the desktop app's keychain is
      // out of the CLI's reach, and a script should not start failing when one is set.
      sign: { type: 'boolean' },
    },
    args: (a) => {
      const articleId = flag(a, 'article')!;
      const newsmlBaseUrl = flag(a, 'newsml-base-url');
      const out = flag(a, 'out');
      const preset = flag(a, 'preset');
      const outlet = flag(a, 'outlet');
      const initials = flag(a, 'initials');
      return {
        folder: need(a, 0, '<folder>'),
        articleId,
        ...(out ? { out } : {}),
        ...(preset ? { preset } : {}),
        ...(outlet ? { outlet } : {}),
        ...(initials ? { initials } : {}),
        ...(newsmlBaseUrl !== undefined ? { newsmlBaseUrl } : {}),
        sign: a.flags.has('sign'),
      };
    },
    print: (r) =>
      [
        `${r.path}\t${r.bytes} bytes\tsha256 ${r.sha256}`,
        ...r.photos.map((p) => `  ${p.source} → ${p.file} (${p.width}×${p.height})`),
        ...r.truncated.map(
          (t) =>
            `  ${t.file}: ${t.field} cut to ${t.limitBytes} bytes in IPTC; XMP keeps the full text`,
        ),
        ...(r.credentials ? [r.credentials.statement] : []),
      ].join('\n'),
  }),
  define({
    name: 'packages',
    positionals: '<folder>',
    summary:
      "The packages built from the folder's articles, newest first; missing or unreadable ones are marked.",
    method: 'listPackages',
    options: {
      article: { type: 'string', value: '<id>' },
      json: { type: 'boolean' },
    },
    args: (a) => {
      const articleId = flag(a, 'article');
      return { folder: need(a, 0, '<folder>'), ...(articleId ? { articleId } : {}) };
    },
    print: (list, a) =>
      a.flags.has('json')
        ? JSON.stringify(list, null, 2)
        : list
            .map((p) => {
              const verdict = p.valid === null ? 'unverified' : p.valid ? 'valid' : 'INVALID';
              return `${p.status}\t${verdict}\tv${p.version}\t${p.photos} photos\t${p.builtAt}\t${p.path}`;
            })
            .join('\n'),
  }),
  define({
    name: 'verify',
    positionals: '<file.zip>',
    summary:
      'Check a package: schema, every checksum, no missing, extra or unsafe file, history chain.',
    method: 'verifyPackage',
    options: {},
    args: (a) => ({ path: need(a, 0, '<file.zip>') }),
    print: (r) => [r.ok ? 'ok' : 'NOT OK', ...(r.notes ?? []).map((n) => `note: ${n}`)].join('\n'),
    failures: (r) =>
      r.problems.map((p) =>
        p.file
          ? `${p.file}: ${p.message.startsWith(p.file) ? p.message.slice(p.file.length + 2) : p.message}`
          : p.message,
      ),
  }),
];
