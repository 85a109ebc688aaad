import { join } from 'node:path';
import { clockOffsetsSchema } from '../../contract/cull';
import { readJson, writeJson } from '../library/json-file';
import type { ClockOffsets } from './stacks';

/** Beside the folder's other CaptionDesk state, so the fix travels with the folder. */
export function clockOffsetsPath(stateDir: string): string {
  return join(stateDir, '.captiondesk', 'clock-offsets.json');
}

export async function loadClockOffsets(stateDir: string): Promise<Record<string, number>> {
  return readJson(clockOffsetsPath(stateDir), clockOffsetsSchema, () => ({}));
}

/** Zero offsets are dropped: "no correction" needs no entry. Keys are NFC like every name. */
export function cleanOffsets(offsets: ClockOffsets): Record<string, number> {
  return Object.fromEntries(
    Object.entries(offsets)
      .filter(([, s]) => s !== 0)
      .map(([k, s]) => [k.normalize('NFC'), s]),
  );
}

export async function saveClockOffsets(
  stateDir: string,
  offsets: ClockOffsets,
): Promise<Record<string, number>> {
  const clean = cleanOffsets(offsets);
  await writeJson(clockOffsetsPath(stateDir), clean);
  return clean;
}
