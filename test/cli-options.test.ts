import { describe, expect, it } from 'vitest';
import { readdir, rm } from 'node:fs/promises';
import { runCli } from '../electron/cli/main';
import { commands, commandUsage } from '../electron/cli/commands';
import { parseArgv } from '../electron/cli/parse-args';
import { FIELD_FLAGS, fieldOptions, fieldsFromFlags } from '../electron/cli/field-flags';
import { checksums, copyFixtures } from './helpers/fixtures';

/** Runs the CLI in this process; usage errors are judged before the core opens. */
async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = { write: (s: string) => ((stdout += s), true) } as unknown as typeof process.stdout;
  const err = { write: (s: string) => ((stderr += s), true) } as unknown as typeof process.stderr;
  const code = await runCli(args, out, err);
  return { code, stdout, stderr };
}

describe('CLI options', () => {
  it('refuses an unknown flag with exit 1, one line naming it, and writes nothing', async () => {
    const dir = await copyFixtures(['canon-eos1300d-18mp.jpg']);
    try {
      const before = await checksums(dir);
      const r = await run(['caption', dir, 'canon-eos1300d-18mp.jpg', '--captoin', 'Lào Cai']);
      expect(r.code).toBe(1);
      const [first, second] = r.stderr.split('\n');
      expect(first).toBe('captiondesk: unknown option --captoin');
      expect(second).toMatch(/^Usage: captiondesk caption <folder> <file> /);
      expect(r.stdout).toBe('');
      expect(await readdir(dir)).toEqual(['canon-eos1300d-18mp.jpg']);
      expect(await checksums(dir)).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('suggests the option a typo most likely meant', async () => {
    const r = await run(['review', 'x.zip', '--approve', '--captoin', 'p1=x']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      'captiondesk: unknown option --captoin (did you mean --caption?)',
    );
  });

  it('refuses a missing value and a value given to a switch, naming the flag', async () => {
    const missing = await run(['review', 'x.zip', '--approve', '--reviewer']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.split('\n')[0]).toBe('captiondesk: --reviewer needs a value');
    const valued = await run(['scan', '/nowhere', '--json=yes']);
    expect(valued.code).toBe(1);
    expect(valued.stderr.split('\n')[0]).toBe('captiondesk: --json is a switch and takes no value');
    for (const args of [
      ['ingest', '/card'],
      ['ingest', '/card', '--to', ''],
    ]) {
      const required = await run(args);
      expect(required.code).toBe(1);
      expect(required.stderr.split('\n')[0]).toBe('captiondesk: missing --to <folder>');
    }
  });

  it('an unknown flag is refused after positionals and before them alike', async () => {
    for (const args of [
      ['verify', '--deep', 'x.zip'],
      ['verify', 'x.zip', '--deep'],
      ['verify', 'x.zip', '-d'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/^captiondesk: unknown option -{1,2}d/);
    }
    // A file whose name begins with a dash: the error says how to pass it.
    const dashed = await run(['verify', '-draft.zip']);
    expect(dashed.stderr.split('\n')[0]).toBe(
      'captiondesk: unknown option -d (a name that starts with "-" goes after "--")',
    );
  });

  it('keeps repeated flags, "--", and values that begin with a dash', () => {
    const options = {
      comment: { type: 'string', multiple: true },
      note: { type: 'string' },
      json: { type: 'boolean' },
    } as const;
    const a = parseArgv(
      ['x.zip', '--comment', 'a: one', '--comment=b: two', '--note', '-5°C ở Sa Pa', '--json'],
      options,
    );
    expect(a.positionals).toEqual(['x.zip']);
    expect(a.repeated.get('comment')).toEqual(['a: one', 'b: two']);
    expect(a.flags.get('note')).toBe('-5°C ở Sa Pa');
    expect(a.flags.get('json')).toBe(true);
    const b = parseArgv(['--json', '--', '--not-a-flag.jpg', '-x'], options);
    expect(b.positionals).toEqual(['--not-a-flag.jpg', '-x']);
    expect(b.flags.get('json')).toBe(true);
  });

  it('the usage shows exactly the options each command accepts', () => {
    for (const c of commands) {
      const shown = new Set([...commandUsage(c).matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]));
      const accepted = Object.entries(c.options)
        .filter(([, o]) => !o.refused)
        .map(([name]) => name);
      expect([...shown].sort(), c.name).toEqual([...accepted].sort());
      // Each shown option parses: a value for a valued one, none for a switch.
      for (const name of accepted) {
        const o = c.options[name]!;
        const argv = o.type === 'string' ? [`--${name}`, 'v'] : [`--${name}`];
        const required = Object.entries(c.options)
          .filter(([n, r]) => r.required && n !== name)
          .flatMap(([n]) => [`--${n}`, 'v']);
        expect(
          () => parseArgv([...argv, ...required], c.options),
          `${c.name} --${name}`,
        ).not.toThrow();
      }
    }
  });

  it('a command explains itself with --help, exit 0', async () => {
    const r = await run(['upload', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: captiondesk upload <package\.zip> --to <url> /);
    expect(r.stdout).not.toMatch(/--password/);
  });

  it('the field flags are one list: options and fields both come from it', () => {
    expect(Object.keys(fieldOptions())).toEqual(FIELD_FLAGS.map((f) => f.flag));
    const a = parseArgv(
      ['--text', 'Quang cảnh.', '--province', 'Lào Cai', '--keywords', 'hội nghị, ,công đoàn'],
      fieldOptions(),
    );
    expect(fieldsFromFlags(a)).toEqual({
      caption: 'Quang cảnh.',
      province: 'Lào Cai',
      keywords: ['hội nghị', 'công đoàn'],
    });
  });
});
