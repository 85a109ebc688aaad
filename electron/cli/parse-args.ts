import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/**
 * Argv parsing for the CLI: each command's option table is the one list of what it
 * accepts, read both by node:util's strict parseArgs and by the usage text, so an
 * option cannot be accepted without being documented, or documented without being
 * accepted. A misspelt flag (--captoin) is a usage error instead of a silent no-op.
 */

export interface OptionSpec {
  /** 'string' takes a value (`--to x` or `--to=x`); 'boolean' is a switch and takes none. */
  type: 'string' | 'boolean';
  /** How the usage shows the value: "<folder>", "a,b", "…". */
  value?: string;
  /** Repeatable (--comment a --comment b); every value is kept, in order. */
  multiple?: boolean;
  /** The command cannot run without it; the usage shows it without brackets. */
  required?: boolean;
  /** Options sharing a group are alternatives: the usage shows them as (--a | --b). */
  group?: string;
  /**
   * Declared only to be refused with this message (--password: the reason it is not taken
   * matters more than "unknown option"). Not shown in the usage: it is not accepted.
   */
  refused?: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgv {
  positionals: string[];
  /** The last value of each option given (true for a switch). */
  flags: Map<string, string | true>;
  /** Every value of each valued option, in order: `flags` keeps only the last. */
  repeated: Map<string, string[]>;
}

export class UsageError extends Error {}

/** Every command takes --help; it is not in the tables so no command can forget it. */
export const HELP_OPTION = 'help';

export function parseArgv(argv: readonly string[], options: OptionTable): ParsedArgv {
  const config: ParseArgsOptionsConfig = { [HELP_OPTION]: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(options))
    config[name] = { type: o.type, ...(o.multiple ? { multiple: true } : {}) };
  const args = attachValues(argv, options);
  refuse(args, options);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: config,
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new UsageError(usageMessage(err as Error & { code?: string }, options));
  }
  const flags = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === undefined) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v) => v !== false);
    const last = values.at(-1);
    if (last === undefined) continue;
    flags.set(name, last);
    if (typeof last === 'string') repeated.set(name, values as string[]);
  }
  for (const [name, o] of Object.entries(options)) {
    // `--to ""` names no folder either.
    const given = flags.get(name);
    if (o.required && (given === undefined || given === '') && !flags.has(HELP_OPTION))
      throw new UsageError(`missing --${name}${o.value ? ` ${o.value}` : ''}`);
  }
  return { positionals: parsed.positionals, flags, repeated };
}

function refuse(argv: readonly string[], options: OptionTable): void {
  const end = argv.indexOf('--');
  for (const a of end < 0 ? argv : argv.slice(0, end)) {
    const name = a.startsWith('--') ? a.slice(2).split('=')[0]! : '';
    const message = Object.hasOwn(options, name) ? options[name]!.refused : undefined;
    if (message) throw new UsageError(message);
  }
}

/**
 * `--note "-5°C ở Sa Pa"`: parseArgs refuses a separate value that starts with a dash as
 * ambiguous, but a caption or a note may begin with one, and the value of a declared
 * string option is never itself an option. So `--note <next>` is handed over as
 * `--note=<next>`, exactly as it was typed. Nothing after `--` is touched.
 */
function attachValues(argv: readonly string[], options: OptionTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    if (
      name &&
      Object.hasOwn(options, name) &&
      options[name]!.type === 'string' &&
      i + 1 < argv.length
    ) {
      out.push(`${a}=${argv[++i]!}`);
    } else out.push(a);
  }
  return out;
}

/** parseArgs explains itself in several lines; a usage error is one line that names the flag. */
function usageMessage(err: Error & { code?: string }, options: OptionTable): string {
  const flag = /'(-[^' =]+)/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      if (!flag.startsWith('--'))
        return `unknown option ${flag} (a name that starts with "-" goes after "--")`;
      const near = nearest(flag.slice(2), options);
      return `unknown option ${flag}${near ? ` (did you mean --${near}?)` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(err.message)
        ? `${flag} is a switch and takes no value`
        : `${flag} needs a value`;
    default:
      return err.message.split('\n')[0]!;
  }
}

/** The accepted option a typo most likely meant: at most two edits away (a swap counts as one). */
function nearest(typed: string, options: OptionTable): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const [name, o] of Object.entries(options)) {
    if (o.refused) continue;
    const d = editDistance(typed, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** `[--to <folder>]`, `--article <id>`, `(--approve | --return | --edit)`, `[--comment "…" …]`. */
export function optionsUsage(options: OptionTable): string {
  const parts: string[] = [];
  let group = '';
  let alternatives: string[] = [];
  const closeGroup = () => {
    if (alternatives.length) parts.push(`(${alternatives.join(' | ')})`);
    alternatives = [];
    group = '';
  };
  for (const [name, o] of Object.entries(options)) {
    if (o.refused) continue;
    const value = o.type === 'string' ? ` ${o.value ?? '…'}` : '';
    const text = `--${name}${value}${o.multiple ? ' …' : ''}`;
    if (o.group !== group) closeGroup();
    if (o.group) {
      group = o.group;
      alternatives.push(text);
    } else parts.push(o.required ? text : `[${text}]`);
  }
  closeGroup();
  return parts.join(' ');
}
