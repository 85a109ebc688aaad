/** Minimal argv parsing: positionals and `--flag value` / `--flag=value` / boolean `--flag`. */
export interface ParsedArgv {
  positionals: string[];
  flags: Map<string, string | true>;
  /** Every value of each valued flag, in order: `flags` keeps only the last (--comment a --comment b). */
  repeated: Map<string, string[]>;
}

export function parseArgv(argv: readonly string[], booleanFlags: ReadonlySet<string>): ParsedArgv {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  const set = (name: string, value: string) => {
    flags.set(name, value);
    repeated.set(name, [...(repeated.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) set(name, a.slice(eq + 1));
      else if (booleanFlags.has(name)) flags.set(name, true);
      else {
        const v = argv[i + 1];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        set(name, v);
        i++;
      }
    } else positionals.push(a);
  }
  return { positionals, flags, repeated };
}

export class UsageError extends Error {}
