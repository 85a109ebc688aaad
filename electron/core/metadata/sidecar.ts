import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { updateXmpPacket, type XmpChange } from './xmp-write';
import { xmpFields, type XmpFields } from './xmp-read';

function baseName(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** darktable's `name.ext.xmp` first, then Adobe's `name.xmp`, which we write by default. */
export function sidecarCandidates(stateDir: string, file: string): string[] {
  return [join(stateDir, `${file}.xmp`), join(stateDir, `${baseName(file)}.xmp`)];
}

export interface SidecarRead {
  path: string;
  packet: string;
  fields: XmpFields;
}

export async function readSidecar(stateDir: string, file: string): Promise<SidecarRead | null> {
  for (const path of sidecarCandidates(stateDir, file)) {
    let packet: string;
    try {
      packet = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    return { path, packet, fields: xmpFields(packet) };
  }
  return null;
}

/** Merge changes into the sidecar (keeping other tools' properties) and save it atomically. */
export async function writeSidecar(
  stateDir: string,
  file: string,
  changes: XmpChange[],
): Promise<string> {
  const existing = await readSidecar(stateDir, file);
  const path = existing?.path ?? sidecarCandidates(stateDir, file)[1]!;
  const packet = updateXmpPacket(existing?.packet ?? null, changes);
  await writeFileAtomic(path, packet);
  return path;
}
