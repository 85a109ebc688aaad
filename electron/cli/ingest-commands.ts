import { readFileSync } from 'node:fs';
import type { ApiEvent } from '../contract/api';
import type { IngestFile } from '../contract/ingest';
import { parseHotCodes } from '../../common/ingest/hot-codes';
import type { Command } from './commands';
import { define, flag, readJsonFile } from './command-kit';
import { UsageError, type ParsedArgv } from './parse-args';

/**
 * `ingest`: copy cards into an event folder from a terminal. `--json` prints JSON
 * Lines — one object per source file, as each would be read by a script line by line.
 */

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function readHotCodes(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read hot codes ${path}: ${(err as Error).message}`);
  }
  const { codes, problems } = parseHotCodes(text);
  if (problems.length)
    throw new UsageError(
      `hot codes ${path} line ${problems[0]!.line}: ${problems[0]!.message} (got "${problems[0]!.text}")`,
    );
  return codes;
}

function readTemplate(path: string): unknown {
  const json = readJsonFile(path, 'template') as Record<string, unknown>;
  // A whole event as saved with a folder, or just its template.
  return json && typeof json === 'object' && 'template' in json ? json.template : json;
}

function line(f: IngestFile): string {
  const where = f.dest ? ` → ${f.dest}` : '';
  return `${f.status}\t${f.source}${where}${f.error ? `\t${f.error}` : ''}`;
}

/** A one-line status redrawn on a terminal; nothing when stderr is a pipe or a file. */
let lineEnded = false;
function showProgress(e: ApiEvent): void {
  if (e.type !== 'ingestProgress' || !process.stderr.isTTY || lineEnded) return;
  const eta = e.etaSeconds !== null ? ` ETA ${e.etaSeconds}s` : '';
  const failed = e.failed ? ` ${e.failed} failed` : '';
  process.stderr.write(
    `\r\x1b[K${e.filesDone}/${e.filesTotal} files ${mb(e.bytesDone)}/${mb(e.bytesTotal)} ${mb(e.bytesPerSecond)}/s${eta}${failed} ${e.current}`,
  );
  if (e.filesDone === e.filesTotal) {
    process.stderr.write('\n');
    lineEnded = true;
  }
}

export const ingestCommands: Command[] = [
  define({
    name: 'ingest',
    positionals: '<source>…',
    summary:
      'Copy cards into an event folder (and a backup), verified by sha256, renamed, already-copied photos skipped.',
    method: 'ingest',
    options: {
      to: { type: 'string', value: '<folder>', required: true },
      backup: { type: 'string', value: '<folder>' },
      rename: { type: 'string', value: '"<pattern>"' },
      template: { type: 'string', value: '<t.json>' },
      'hot-codes': { type: 'string', value: '<file.tsv>' },
      json: { type: 'boolean' },
    },
    args: (a: ParsedArgv) => {
      if (!a.positionals.length) throw new UsageError('missing <source> (a card or folder)');
      const to = flag(a, 'to')!;
      const backup = flag(a, 'backup');
      const rename = flag(a, 'rename');
      const template = flag(a, 'template');
      const hot = flag(a, 'hot-codes');
      return {
        sources: a.positionals,
        to,
        backup: backup ?? null,
        rename: rename ?? null,
        template: template ? (readTemplate(template) as never) : null,
        ...(hot ? { hotCodes: readHotCodes(hot) } : {}),
      };
    },
    onEvent: showProgress,
    print: (r, a) =>
      a.flags.has('json')
        ? // The documented line shape (README): the UI's code and params stay out of it.
          r.files.map(({ code: _code, params: _params, ...f }) => JSON.stringify(f)).join('\n')
        : [
            ...r.files.map(line),
            `${r.copied} copied, ${r.skipped} already in, ${r.failed} failed, ${mb(r.bytes)}${r.cancelled ? ' (cancelled)' : ''}`,
          ].join('\n'),
    failures: (r) => r.files.filter((f) => f.status === 'failed').map((f) => f.error ?? f.source),
  }),
];
