/**
 * `npm run lint:electron`: electronegativity over electron/, offline, as a gate.
 * It fails on any finding that security/electronegativity-accepted.json does not
 * explain, on any entry there that is no longer found, and on any file it could
 * not parse (a file it cannot read is a file it did not check).
 *
 *   tsx scripts/electronegativity.ts [--input <dir>] [--accepted <file>]
 *
 * Offline by construction: the Electron version comes from the installed electron
 * package instead of being looked up, the one check that downloads Electron's
 * release list is excluded (new Electron releases are npm audit's business), and
 * every other connection attempt (the scanner fetches translations on start) is
 * refused in-process by offline-guard.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockNetwork } from './offline-guard';
import { gate, parseAccepted, type Finding } from './electronegativity-gate';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}
type Run = (options: Record<string, unknown>, forCli: false) => Promise<ScanResult>;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return path.resolve(i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback);
}

function toFinding(input: string, issue: Issue): Finding {
  const file = issue.file.split(path.sep).join('/');
  let code = '';
  try {
    code =
      readFileSync(path.join(input, issue.file), 'utf8').split('\n')[issue.location.line - 1] ?? '';
  } catch {
    // Global findings may point at no file ("N/A"): they match on check and file only.
  }
  return { check: issue.id, file, line: issue.location.line, code: code.trim() };
}

async function main(): Promise<number> {
  const input = option('--input', path.join(REPO, 'electron'));
  const acceptedFile = option(
    '--accepted',
    path.join(REPO, 'security/electronegativity-accepted.json'),
  );
  const accepted = parseAccepted(readFileSync(acceptedFile, 'utf8'), acceptedFile);
  const require = createRequire(path.join(REPO, 'package.json'));
  const electronVersion = (require('electron/package.json') as { version: string }).version;

  const blocked = blockNetwork();
  // The scanner's messages come from its bundled en-US file whatever the machine's locale.
  process.env.LANG = 'en-US';
  const run = require('@doyensec/electronegativity') as Run;
  const result = await run(
    {
      input,
      isRelative: true,
      customScan: [],
      excludeFromScan: NETWORK_CHECKS.map((c) => c.toLowerCase()),
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );

  const rel = path.relative(REPO, input) || '.';
  const checks = result.globalChecks + result.atomicChecks;
  console.log(
    `electronegativity: ${checks} checks on ${rel}/ as Electron ${electronVersion}, offline` +
      ` (skipped: ${NETWORK_CHECKS.join(', ')})`,
  );
  if (blocked.length > 0) {
    const where = [...new Set(blocked.map((b) => `${b.host}:${b.port}`))].join(', ');
    console.log(`  refused ${blocked.length} connection attempt(s) by the scanner: ${where}`);
  }

  const unreadable = result.errors.filter((e) => !e.tolerable);
  for (const e of result.errors.filter((e) => e.tolerable))
    console.log(`  note: ${e.file}: ${e.message}`);
  const findings = result.issues.map((issue) => toFinding(input, issue));
  const { unexplained, stale, explained } = gate(findings, accepted);

  for (const { finding, reason } of explained)
    console.log(`  accepted ${finding.check} ${finding.file}:${finding.line}: ${reason}`);
  for (const e of unreadable) console.error(`UNREADABLE ${e.file}: ${e.message}`);
  for (const f of unexplained) {
    const issue = result.issues[findings.indexOf(f)]!;
    console.error(`UNEXPLAINED ${f.check} ${f.file}:${f.line}: ${issue.description}`);
    if (f.code) console.error(`    ${f.code}`);
  }
  for (const a of stale)
    console.error(
      `STALE ${a.check} ${a.file} "${a.code}": no longer found; remove it from ${path.relative(REPO, acceptedFile)}`,
    );

  const failed = unreadable.length + unexplained.length + stale.length;
  if (failed > 0) {
    console.error(
      `electronegativity: ${failed} problem(s). Fix the code, or accept a finding with its reason in ${path.relative(REPO, acceptedFile)}.`,
    );
    return 1;
  }
  console.log(`electronegativity: ${findings.length} finding(s), each accepted with its reason.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('electronegativity:', error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
