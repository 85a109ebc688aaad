/** The Content Credentials rows: signing, validation cold and warm, and the scan's detection. */
import type { CredentialsTimings } from './credentials-speed';
import { duration, type Row } from './table';

/** The time, with what it costs a photo: the figure a desk multiplies by its day's take. */
function perPhoto(ms: number | null, n: number): string | undefined {
  if (ms === null) return undefined;
  return `${duration(ms)} (${(ms / n).toFixed(1)} ms a photo)`;
}

/** Cold per photo, and again without the first photo's one-time start of c2pa-rs. */
function coldText(c: CredentialsTimings, n: number): string | undefined {
  const all = perPhoto(c.coldMs, n);
  if (!all || c.coldMs === null || c.coldFirstMs === null || n < 2) return all;
  const after = (c.coldMs - c.coldFirstMs) / (n - 1);
  return `${all.slice(0, -1)}; ${after.toFixed(1)} after the first)`;
}

export function credentialsRows(
  c: CredentialsTimings,
  n: number,
  processes: number,
  signedReused: boolean,
): Row[] {
  return [
    {
      task: 'sign N photos (c2pa.created, ES256, what a package adds)',
      photos: n,
      ours: c.signMs,
      oursText: signedReused ? 'reused folder, not timed' : perPhoto(c.signMs, n),
      throughput: true,
      reference: '—',
      refMs: null,
    },
    {
      task: 'credentials of every photo, cold (new core)',
      photos: n,
      ours: c.coldMs,
      oursText: coldText(c, n),
      throughput: true,
      reference: `sha256sum of the same files (${processes} processes)`,
      refMs: c.sha256Ms,
    },
    {
      task: 'credentials, cold: the first photo alone (c2pa-rs start)',
      photos: 1,
      ours: c.coldFirstMs,
      throughput: false,
      reference: '—',
      refMs: null,
    },
    {
      task: 'credentials of every photo, warm (cache hit)',
      photos: n,
      ours: c.warmMs,
      oursText: perPhoto(c.warmMs, n),
      throughput: true,
      reference: '—',
      refMs: null,
    },
    {
      task: 'scan with C2PA detection: signed folder',
      photos: n,
      ours: c.scanSignedMs,
      throughput: true,
      reference: 'the same scan of the unsigned folder',
      refMs: c.scanUnsignedMs,
    },
  ];
}

/** How to read the rows, printed under the table. */
export function credentialsNote(c: CredentialsTimings): string {
  const ratio =
    c.coldMs !== null && c.sha256Ms
      ? ` Cold, ours/sha256sum = ${(c.coldMs / c.sha256Ms).toFixed(2)}x.`
      : '';
  return (
    'credentials: no independent C2PA CLI (c2patool) is installable here (not in Debian), so ' +
    'sha256sum of the signed files is the reference: validation must hash every byte, so it ' +
    `is the floor.${ratio} c2pa-rs (wasm) validates one photo at a time in this process; ` +
    'sha256sum runs one process per core. The signed folder is opened first (not counted), ' +
    'the trust list holds the test CA alone. The cold run asks for the first photo, then the ' +
    "rest: the first pays c2pa-rs's one-time start in this process. Signing is signDerivative " +
    '(c2pa-ts) alone, one photo at a time, reading and writing the files not counted. Scans: ' +
    'the median of 5 runs each after a warm-up round, unsigned and signed in turn; the ratio ' +
    'near 1 is what detection costs.'
  );
}
