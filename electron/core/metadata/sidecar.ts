import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { updateXmpPacket, type XmpChange } from './xmp-write';
import { xmpFields, type XmpFields } from './xmp-read';

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
        read = { packet: await fh.readFile('utf8'), bytes: st.size, mtimeMs: st.mtimeMs };
      } finally {
        await fh.close();
      }
    } catch {
      continue;
    }
    return { path, ...read, fields: xmpFields(read.packet) };
  }
  return null;
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
