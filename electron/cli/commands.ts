import type { ApiEvent, ArgsOf, ClientApi, MethodName, Photo, ResultOf } from '../contract/api';
import { optionsUsage, UsageError, type OptionTable, type ParsedArgv } from './parse-args';
import { fieldOptions, fieldsFromFlags } from './field-flags';
import { outboxCommands } from './outbox-commands';
import { reviewCommands } from './review-commands';
import { packageCommands } from './package-commands';
import { ingestCommands } from './ingest-commands';
import { logCommands } from './log-commands';
import { credentialsCommands } from './credentials-commands';
import { define, flag, need, readJsonFile } from './command-kit';

/**
 * Friendly spellings of contract methods. Each maps argv to the method's arguments
 * and its result to text; validation, errors and the work itself stay in the core.
 * Any method without an entry here is still reachable as `call <method> <json>`.
 */
export interface Command<M extends MethodName = MethodName> {
  name: string;
  /** What follows the name before any option: "<folder> <file>", "apply <folder> …". */
  positionals: string;
  summary: string;
  method: M;
  /** Every option the command accepts; parsing and the usage text both read it. */
  options: OptionTable;
  args(argv: ParsedArgv): ArgsOf<M>;
  /** A command that needs a step before its method (reading the event first, say). */
  before?(api: ClientApi, args: ArgsOf<M>, argv: ParsedArgv): Promise<void>;
  /** Core events while the method runs (a progress line on stderr, say). */
  onEvent?(event: ApiEvent): void;
  print(result: ResultOf<M>, argv: ParsedArgv): string;
  /** Files that failed, each named on stderr; any makes the exit code 2. */
  failures?(result: ResultOf<M>): string[];
}

/** `caption <folder> <file> [--text …] …`: the command's line in the usage. */
export function commandUsage(c: Command): string {
  return [c.name, c.positionals, optionsUsage(c.options)].filter(Boolean).join(' ');
}

function photoLine(p: Photo): string {
  const size = p.width && p.height ? `${p.width}x${p.height}` : '?';
  const cam = [p.make, p.model].filter(Boolean).join(' ');
  return [
    p.file,
    p.format,
    size,
    p.capturedAt ?? '-',
    cam || '-',
    p.caption ?? '',
    p.error ? `ERROR ${p.error}` : '',
  ]
    .filter((s, i) => i < 5 || s)
    .join('\t');
}

export const commands: Command[] = [
  define({
    name: 'scan',
    positionals: '<folder>',
    summary: 'List the photos of a folder with their metadata (not recursive).',
    method: 'scan',
    options: { json: { type: 'boolean' } },
    args: (a) => ({ folder: need(a, 0, '<folder>') }),
    print: (photos, a) =>
      a.flags.has('json') ? JSON.stringify(photos, null, 2) : photos.map(photoLine).join('\n'),
    // A refused XMP is a file that failed, though its photo lists with the rest.
    failures: (photos) =>
      photos.flatMap((p) => [
        ...(p.error ? [p.error] : []),
        ...p.notices.filter((n) => n.code === 'xmpRefused').map((n) => `${p.file}: ${n.detail}`),
      ]),
  }),
  define({
    name: 'caption',
    positionals: '<folder> <file>',
    summary:
      "Set a photo's caption and fields (written to its XMP sidecar; the original is untouched).",
    method: 'setFields',
    options: fieldOptions(),
    args: (a) => {
      const target = { folder: need(a, 0, '<folder>'), files: [need(a, 1, '<file>')] };
      const fields = fieldsFromFlags(a);
      if (!Object.keys(fields).length)
        throw new UsageError('nothing to set: give --text or a field flag');
      return { ...target, fields };
    },
    print: (photos) => photos.map((p) => `${p.file}: ${p.caption ?? ''}`).join('\n'),
  }),
  define({
    name: 'template',
    positionals: 'apply <folder> <template.json>',
    summary: "Make the file the folder's event template and apply it (to all photos, or --files).",
    method: 'applyTemplate',
    options: { files: { type: 'string', value: 'a.jpg,b.jpg' } },
    args: (a) => {
      if (a.positionals[0] !== 'apply')
        throw new UsageError('the only template command is "template apply"');
      const files = flag(a, 'files');
      return {
        folder: need(a, 1, '<folder>'),
        files: files ? files.split(',').map((f) => f.trim()) : null,
      };
    },
    async before(api, args, a) {
      const json = readJsonFile(need(a, 2, '<template.json>'), 'template') as Record<
        string,
        unknown
      >;
      const current = await api.getEvent({ folder: args.folder });
      // The file may be a whole event (as saved with the folder) or just its template.
      const event = 'template' in json ? { ...current, ...json } : { ...current, template: json };
      await api.saveEvent({ folder: args.folder, event: event as typeof current });
    },
    print: (r) => r.applied.map((f) => `applied: ${f}`).join('\n'),
    failures: (r) => r.failed.map((f) => f.error),
  }),
  define({
    name: 'embed',
    positionals: '<in.jpg> <out.jpg>',
    summary:
      'Write caption and fields into a copy of a JPEG without re-encoding it (IPTC, XMP, EXIF).',
    method: 'embed',
    options: { fields: { type: 'string', value: '<fields.json>', required: true } },
    args: (a) => {
      return {
        input: need(a, 0, '<in.jpg>'),
        output: need(a, 1, '<out.jpg>'),
        fields: readJsonFile(flag(a, 'fields')!, 'fields') as never,
      };
    },
    print: (r) =>
      [
        `wrote ${r.output}`,
        ...r.truncated.map(
          (t) =>
            `cut ${t.field} (IPTC ${t.dataset}) to ${t.keptBytes} of ${t.originalBytes} bytes; XMP keeps the full text`,
        ),
      ].join('\n'),
  }),
  define({
    name: 'thumbnails',
    positionals: '<folder>',
    summary: 'Build the thumbnail cache of a folder.',
    method: 'buildThumbnails',
    options: {},
    args: (a) => ({ folder: need(a, 0, '<folder>') }),
    print: (r) => `built ${r.built}, cached ${r.cached}, failed ${r.failed.length}`,
    failures: (r) => r.failed.map((f) => f.error),
  }),
  ...packageCommands,
  ...ingestCommands,
  ...outboxCommands,
  ...reviewCommands,
  ...logCommands,
  ...credentialsCommands,
];
