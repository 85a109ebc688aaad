/**
 * Content Credentials in-process: `credentials` of every photo in the signed folder, cold
 * (a new core) and warm (its cache), against sha256sum of the same files (validation
 * hashes every byte, so that is the floor); and what detecting manifests adds to the scan.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Api } from '../electron/contract/api';
import { benchCore } from './bench-core';
import { timeSha256sum } from './reference-tools';
import type { SignedFolder } from './signed-folder';
import { median, timed } from './timing';

/** Scans are short and the machine shared: each is run this many times, the median kept. */
const SCAN_RUNS = 5;

export interface CredentialsTimings {
  /** signDerivative over all N; null when the signed folder was reused. */
  signMs: number | null;
  coldMs: number | null;
  /** The first photo of the cold run alone: it pays c2pa-rs's start (wasm compile, JIT). */
  coldFirstMs: number | null;
  warmMs: number | null;
  sha256Ms: number | null;
  scanUnsignedMs: number | null;
  scanSignedMs: number | null;
  notes: string[];
}

/** Every file read once, so every side starts from the page cache. */
async function warm(files: readonly string[]): Promise<void> {
  for (const f of files) await readFile(f);
}

/** Unsigned and signed scanned in turn, so a burst of load from others hits both alike. */
async function timeScans(api: Api, unsignedDir: string, signedDir: string, n: number) {
  const runs = { unsigned: [] as number[], signed: [] as number[] };
  const notes: string[] = [];
  // One untimed round first: the scan's code is compiled on first use, whichever folder that is.
  for (const dir of [unsignedDir, signedDir]) await api.scan({ folder: dir });
  for (let r = 0; r < SCAN_RUNS; r++) {
    for (const [which, dir, carrying] of [
      ['unsigned', unsignedDir, 0],
      ['signed', signedDir, n],
    ] as const) {
      const scan = await timed(() => api.scan({ folder: dir }));
      runs[which].push(scan.ms);
      const found = scan.value.filter((p) => p.credentials).length;
      if (r === 0 && (scan.value.length !== n || found !== carrying))
        notes.push(
          `scan of the ${which} folder: ${scan.value.length} photos, ${found} carrying ` +
            `credentials (expected ${n} and ${carrying})`,
        );
    }
  }
  return { unsignedMs: median(runs.unsigned), signedMs: median(runs.signed), notes };
}

function stateNote(when: string, states: readonly { state: string }[], n: number): string | null {
  const trusted = states.filter((c) => c.state === 'trusted').length;
  if (states.length === n && trusted === n) return null;
  const counts = new Map<string, number>();
  for (const c of states) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  return (
    `credentials (${when}): ${[...counts].map(([s, k]) => `${k} ${s}`).join(', ')} ` +
    `(expected ${n} trusted)`
  );
}

export async function timeCredentials(
  unsigned: { dir: string; files: readonly string[] },
  signed: SignedFolder,
  processes: number,
): Promise<CredentialsTimings> {
  const n = signed.files.length;
  const result: CredentialsTimings = {
    signMs: signed.signMs,
    coldMs: null,
    coldFirstMs: null,
    warmMs: null,
    sha256Ms: null,
    scanUnsignedMs: null,
    scanSignedMs: null,
    notes: [],
  };
  await warm([...unsigned.files, ...signed.files]);
  result.sha256Ms = await timeSha256sum(signed.files, processes);

  const scratch = await mkdtemp(path.join(os.tmpdir(), 'captiondesk-bench-credentials-'));
  try {
    const core = await import('../electron/core/app-core');
    // A new core: no credentials cache, the trust list set to the test CA alone.
    const app = benchCore(core, scratch, '');
    try {
      const scans = await timeScans(app.api, unsigned.dir, signed.dir, n);
      result.scanUnsignedMs = scans.unsignedMs;
      result.scanSignedMs = scans.signedMs;
      result.notes.push(...scans.notes);

      await app.api.setTrustList({ pem: signed.caPem });
      // Opened first and not counted: the rows measure validation, not the folder read.
      await app.api.openFolder({ path: signed.dir });
      await app.api.listPhotos({ folder: signed.dir });
      const files = signed.files.map((f) => path.basename(f));
      const ask = (some: string[]) =>
        timed(() => app.api.credentials({ folder: signed.dir, files: some }));
      // Cold in two calls, so the start of c2pa-rs shows apart from the steady rate.
      const first = await ask(files.slice(0, 1));
      const rest = files.length > 1 ? await ask(files.slice(1)) : { ms: 0, value: [] };
      result.coldFirstMs = first.ms;
      result.coldMs = first.ms + rest.ms;
      const warm = await ask(files);
      result.warmMs = warm.ms;
      for (const [when, states] of [
        ['cold', [...first.value, ...rest.value]],
        ['warm', warm.value],
      ] as const) {
        const note = stateNote(when, states, n);
        if (note) result.notes.push(note);
      }
    } finally {
      await app.close();
    }
  } catch (err) {
    result.notes.push(`credentials failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return result;
}
