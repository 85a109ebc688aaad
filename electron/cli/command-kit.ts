import { readFileSync } from 'node:fs';
import type { MethodName } from '../contract/api';
import type { Command } from './commands';
import { UsageError, type ParsedArgv } from './parse-args';

/** Helpers every CLI command file shares: argv access and a typed `define`. */
export function define<M extends MethodName>(c: Command<M>): Command {
  return c as unknown as Command;
}

export function need(argv: ParsedArgv, index: number, what: string): string {
  const v = argv.positionals[index];
  if (v === undefined) throw new UsageError(`missing ${what}`);
  return v;
}

export function flag(argv: ParsedArgv, name: string): string | undefined {
  const v = argv.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function readTextFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${path}: ${(err as Error).message}`);
  }
}

export function readJsonFile(path: string, what: string): unknown {
  const text = readTextFile(path, what);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(err as Error).message}`);
  }
}
