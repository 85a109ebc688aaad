import type { ArgsOf, MethodName, Photo, ResultOf } from '../api';
import { UsageError, type ParsedArgv } from './parse-args';

/**
 * Friendly spellings of contract methods. Each maps argv to the method's arguments
 * and its result to text; validation, errors and the work itself stay in the core.
 * Any method without an entry here is still reachable as `call <method> <json>`.
 */
export interface Command<M extends MethodName = MethodName> {
  name: string;
  usage: string;
  summary: string;
  method: M;
  booleanFlags?: string[];
  args(argv: ParsedArgv): ArgsOf<M>;
  print(result: ResultOf<M>, argv: ParsedArgv): string;
  /** Files that failed, each named on stderr; any makes the exit code 2. */
  failures?(result: ResultOf<M>): string[];
}

function need(argv: ParsedArgv, index: number, what: string): string {
  const v = argv.positionals[index];
  if (v === undefined) throw new UsageError(`missing ${what}`);
  return v;
}

function flag(argv: ParsedArgv, name: string): string | undefined {
  const v = argv.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function define<M extends MethodName>(c: Command<M>): Command {
  return c as unknown as Command;
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
    usage: 'scan <folder> [--json]',
    summary: 'List the photos of a folder with their metadata (not recursive).',
    method: 'scan',
    booleanFlags: ['json'],
    args: (a) => ({ folder: need(a, 0, '<folder>') }),
    print: (photos, a) =>
      a.flags.has('json') ? JSON.stringify(photos, null, 2) : photos.map(photoLine).join('\n'),
    failures: (photos) => photos.filter((p) => p.error).map((p) => p.error!),
  }),
  define({
    name: 'caption',
    usage: 'caption <folder> <file> --text "…"',
    summary: "Set a photo's caption (written to its XMP sidecar; the original is untouched).",
    method: 'setCaption',
    args: (a) => {
      const text = flag(a, 'text');
      if (text === undefined) throw new UsageError('missing --text');
      return { folder: need(a, 0, '<folder>'), file: need(a, 1, '<file>'), text };
    },
    print: (p) => `${p.file}: ${p.caption ?? ''}`,
  }),
  define({
    name: 'thumbnails',
    usage: 'thumbnails <folder>',
    summary: 'Build the thumbnail cache of a folder.',
    method: 'buildThumbnails',
    args: (a) => ({ folder: need(a, 0, '<folder>') }),
    print: (r) => `built ${r.built}, cached ${r.cached}, failed ${r.failed.length}`,
    failures: (r) => r.failed.map((f) => f.error),
  }),
];
