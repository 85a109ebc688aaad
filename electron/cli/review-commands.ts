import { userInfo } from 'node:os';
import type { ArgsOf } from '../contract/api';
import { printableName } from '../../common/naming/zip-member-names';
import type { Command } from './commands';
import { UsageError, type ParsedArgv } from './parse-args';
import { define, flag, need } from './command-kit';

/**
 * `open-package`, `review`, `diff`, `import-review`: editor review mode from a terminal.
 * Text from a package is printed with control characters escaped: it is data, not terminal codes.
 */

/** `--caption p3="text"` → ['p3', 'text'], split at the first separator only. */
function pair(value: string, sep: string, what: string): [string, string] {
  const at = value.indexOf(sep);
  if (at <= 0) throw new UsageError(`${what} must look like <id>${sep}<text>, not "${value}"`);
  return [value.slice(0, at).trim(), value.slice(at + 1).trim()];
}

function pairs(argv: ParsedArgv, name: string, sep: string, what: string): [string, string][] {
  return (argv.repeated.get(name) ?? []).map((v) => pair(v, sep, what));
}

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

function decisionOf(a: ParsedArgv): ArgsOf<'saveReview'>['decision'] {
  const chosen = (['approve', 'return', 'edit'] as const).filter((d) => a.flags.has(d));
  if (chosen.length !== 1)
    throw new UsageError(
      'give one of --approve, --return (with --note) or --edit (edits and comments only)',
    );
  return ({ approve: 'approved', return: 'returned', edit: 'edited' } as const)[chosen[0]!];
}

function defaultReviewer(): string {
  try {
    return process.env.CAPTIONDESK_REVIEWER || userInfo().username;
  } catch {
    return '';
  }
}

export const reviewCommands: Command[] = [
  define({
    name: 'open-package',
    positionals: '<package.zip>',
    summary: 'Verify a package and unpack it for review; print its article, photos and captions.',
    method: 'openPackage',
    options: { json: { type: 'boolean' } },
    args: (a) => ({ path: need(a, 0, '<package.zip>') }),
    print: (r, a) => {
      if (a.flags.has('json')) return JSON.stringify(r, null, 2);
      const m = r.manifest;
      return [
        `${r.path}: version ${r.version}, ${r.photos.length} photos, unpacked in ${r.workDir}`,
        `Headline: ${m.article.headline}`,
        ...m.article.body.map((b) =>
          b.type === 'paragraph'
            ? `${b.id} paragraph: ${b.text}`
            : `${b.id} ${b.type} ${b.type === 'photo' ? b.photo : b.photos.join(',')}: ${b.caption}`,
        ),
        ...r.photos.map(
          (p) =>
            `${p.id} ${p.file} ${p.width}x${p.height}${p.captionMatches ? '' : ' (embedded caption differs)'}`,
        ),
        ...m.history.map(
          (h) => `v${h.version} ${h.decision} by ${h.by}${h.note ? `: ${h.note}` : ''}`,
        ),
        ...m.comments.map((c) => `comment v${c.version} on ${c.target} by ${c.by}: ${c.text}`),
        ...r.notes.map((n) => `note: ${n}`),
      ]
        .map(printableName)
        .join('\n');
    },
  }),
  define({
    name: 'review',
    positionals: '<package.zip>',
    summary: 'Write the next version of a package with your edits, comments and decision.',
    method: 'saveReview',
    options: {
      approve: { type: 'boolean', group: 'decision' },
      return: { type: 'boolean', group: 'decision' },
      edit: { type: 'boolean', group: 'decision' },
      note: { type: 'string', value: '"what to fix"' },
      reviewer: { type: 'string', value: '<name>' },
      role: { type: 'string', value: 'editor|reporter' },
      comment: { type: 'string', value: '"target: text"', multiple: true },
      caption: { type: 'string', value: 'p3="…"', multiple: true },
      paragraph: { type: 'string', value: 'b4="…"', multiple: true },
      headline: { type: 'string', value: '"…"' },
      sapo: { type: 'string', value: '"…"' },
      order: { type: 'string', value: 'p2,p1,…' },
      drop: { type: 'string', value: 'p4,…' },
      out: { type: 'string', value: '<file.zip>' },
      json: { type: 'boolean' },
    },
    args: (a) => {
      const decision = decisionOf(a);
      const note = flag(a, 'note');
      if (decision === 'returned' && !note?.trim())
        throw new UsageError('--return needs --note "what to fix"');
      const captions = Object.fromEntries(pairs(a, 'caption', '=', '--caption'));
      const paragraphs = Object.fromEntries(pairs(a, 'paragraph', '=', '--paragraph'));
      const headline = flag(a, 'headline');
      const sapo = flag(a, 'sapo');
      const photoOrder = list(flag(a, 'order'));
      const dropPhotos = list(flag(a, 'drop'));
      const out = flag(a, 'out');
      const role = flag(a, 'role');
      if (role !== undefined && role !== 'editor' && role !== 'reporter')
        throw new UsageError('--role is editor or reporter');
      return {
        path: need(a, 0, '<package.zip>'),
        reviewer: flag(a, 'reviewer') ?? defaultReviewer(),
        ...(role ? { role } : {}),
        decision,
        note: note ?? null,
        edits: {
          ...(headline !== undefined ? { headline } : {}),
          ...(sapo !== undefined ? { sapo } : {}),
          ...(Object.keys(paragraphs).length ? { paragraphs } : {}),
          ...(Object.keys(captions).length ? { captions } : {}),
          ...(photoOrder ? { photoOrder } : {}),
          ...(dropPhotos ? { dropPhotos } : {}),
        },
        comments: pairs(a, 'comment', ':', '--comment').map(([target, text]) => ({
          target,
          text,
        })),
        ...(out !== undefined ? { out } : {}),
      };
    },
    print: (r, a) =>
      a.flags.has('json')
        ? JSON.stringify(r, null, 2)
        : [r.path, ...r.changes.map((c) => `  ${c}`)].map(printableName).join('\n'),
  }),
  define({
    name: 'diff',
    positionals: '<a.zip> <b.zip>',
    summary: 'Show what changed between two versions of a package, word by word.',
    method: 'diffPackages',
    options: { json: { type: 'boolean' } },
    args: (a) => ({ a: need(a, 0, '<a.zip>'), b: need(a, 1, '<b.zip>') }),
    print: (r, a) => {
      if (!a.flags.has('json')) return r.text;
      return JSON.stringify({ ...r, text: undefined }, null, 2);
    },
  }),
  define({
    name: 'import-review',
    positionals: '<folder> <package.zip>',
    summary: "Attach a reviewed package's comments to its article in the event folder.",
    method: 'importReview',
    options: {},
    args: (a) => ({ folder: need(a, 0, '<folder>'), path: need(a, 1, '<package.zip>') }),
    async before(api, args) {
      await api.openFolder({ path: args.folder });
    },
    print: (r) =>
      [
        `${r.articleId}: version ${r.version} ${r.decision} by ${r.by}${r.note ? `: ${r.note}` : ''}`,
        ...r.comments.map((c) => `  ${c.target} (${c.by}, v${c.version}): ${c.text}`),
      ]
        .map(printableName)
        .join('\n'),
  }),
];
