import type { Command } from './commands';
import { define, flag } from './command-kit';
import { UsageError, type ParsedArgv } from './parse-args';

const MAX_LINES = 5000;

function linesOf(a: ParsedArgv): number {
  const v = flag(a, 'lines');
  if (v === undefined) return 100;
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n > MAX_LINES)
    throw new UsageError(`--lines takes a whole number from 0 to ${MAX_LINES}, not "${v}"`);
  return n;
}

/** `captiondesk log`: the same log the Help menu opens, read through the contract's logInfo. */
export const logCommands: Command[] = [
  define({
    name: 'log',
    positionals: '',
    summary:
      "Print where the app's log file is, then its last lines (errors and job outcomes, one JSON object a line; no secrets).",
    method: 'logInfo',
    options: { lines: { type: 'string', value: 'N' }, json: { type: 'boolean' } },
    args: (a) => ({ lines: linesOf(a) }),
    print: (r, a) =>
      a.flags.has('json')
        ? JSON.stringify(r, null, 2)
        : [
            r.path,
            ...r.lines,
            ...(r.dropped
              ? [
                  `(${r.dropped} line(s) could not be written, the disk refused them, and were dropped)`,
                ]
              : []),
          ].join('\n'),
  }),
];
