import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { updateXmpPacket, type XmpChange } from './xmp-write';
import { xmpFields, type XmpFields } from './xmp-read';
import { tooBig, XMP_LIMITS, XmpRefusedError } from './xmp-guard';

export type SidecarNaming = 'base' | 'withExtension';

function baseName(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/**
 * darktable's `name.ext.xmp` first, then Adobe's `name.xmp`. A RAW+JPEG pair shares
 * `name.xmp`, as Adobe's tools expect.
 */
export function sidecarCandidates(stateDir: string, file: string, paired = false): string[] {
  const adobe = join(stateDir, `${baseName(file)}.xmp`);
  return paired ? [adobe] : [join(stateDir, `${file}.xmp`), adobe];
}

export interface SidecarRead {
  path: string;
  packet: string;
  fields: XmpFields;
  /** Size and time of the file as read, so a later look can tell whether it changed. */
  bytes: number;
  mtimeMs: number;
  /**
   * Why the file was not parsed (too big, a DOCTYPE, too deep), naming the file; its
   * fields are then empty and `packet` is not its text. A write refuses to replace it.
   */
  refused?: string;
}

export async function readSidecar(
  stateDir: string,
  file: string,
  paired = false,
  /** The state folder's file names (NFC) when already listed: no read is tried for absent ones. */
  names?: ReadonlySet<string>,
): Promise<SidecarRead | null> {
  for (const path of sidecarCandidates(stateDir, file, paired)) {
    if (names && !names.has(basename(path))) continue;
    let read: { packet: string; bytes: number; mtimeMs: number };
    try {
      const fh = await open(path, 'r');
      try {
        const st = await fh.stat();
        read = { packet: await readCapped(fh, st.size), bytes: st.size, mtimeMs: st.mtimeMs };
      } finally {
        await fh.close();
      }
    } catch (err) {
      if (err instanceof XmpRefusedError)
        return refusedSidecar(path, err.reason, await stat(path).catch(() => null));
      continue;
    }
    try {
      return { path, ...read, fields: xmpFields(read.packet) };
    } catch (err) {
      if (!(err instanceof XmpRefusedError)) throw err;
      return refusedSidecar(path, err.reason, read);
    }
  }
  return null;
}

/**
 * The file's text, read no further than the XMP limit: a 50 MB sidecar is refused by its
 * size, and one that grows while read is cut off there.
 */
async function readCapped(fh: FileHandle, size: number): Promise<string> {
  if (size > XMP_LIMITS.bytes) throw new XmpRefusedError(tooBig(size));
  const chunks: Buffer[] = [];
  let got = 0;
  let want = size + 1;
  for (;;) {
    const buf = Buffer.allocUnsafe(want);
    const { bytesRead } = await fh.read(buf, 0, want, got);
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    got += bytesRead;
    if (got > XMP_LIMITS.bytes) throw new XmpRefusedError(tooBig(got));
    want = 64 * 1024;
  }
  return Buffer.concat(chunks, got).toString('utf8');
}

function refusedSidecar(
  path: string,
  reason: string,
  st: { size?: number; bytes?: number; mtimeMs: number } | null,
): SidecarRead {
  return {
    path,
    packet: '',
    fields: {},
    bytes: st?.size ?? st?.bytes ?? 0,
    mtimeMs: st?.mtimeMs ?? 0,
    refused: `${basename(path)}: XMP sidecar refused: ${reason}`,
  };
}

export interface WriteOptions {
  naming?: SidecarNaming;
  paired?: boolean;
}

export interface PlannedSidecar {
  path: string;
  /** The new text. */
  packet: string;
  /** The text it replaces, or null when the sidecar does not exist yet. */
  before: string | null;
}

/** Where a sidecar change goes and what the file will hold: read, merge, nothing written. */
export async function planSidecar(
  stateDir: string,
  file: string,
  changes: XmpChange[],
  opts: WriteOptions = {},
): Promise<PlannedSidecar> {
  const existing = await readSidecar(stateDir, file, opts.paired);
  // Never replace a refused file with our own: it may hold what another tool meant to keep.
  if (existing?.refused)
    throw new Error(`${existing.refused}; it was left as it is and nothing was saved`);
  const [withExt, adobe] = opts.paired
    ? [null, sidecarCandidates(stateDir, file, true)[0]!]
    : sidecarCandidates(stateDir, file);
  const path = existing?.path ?? (opts.naming === 'withExtension' && withExt ? withExt : adobe!);
  const packet = updateXmpPacket(existing?.packet ?? null, changes);
  return { path, packet, before: existing?.packet ?? null };
}

/** Merge changes into the sidecar (keeping other tools' properties) and save it atomically. */
export async function writeSidecar(
  stateDir: string,
  file: string,
  changes: XmpChange[],
  opts: WriteOptions = {},
): Promise<string> {
  const { path, packet } = await planSidecar(stateDir, file, changes, opts);
  await writeFileAtomic(path, packet);
  return path;
}
