import {
  renderIngestStem,
  safeStem,
  type IngestNameContext,
} from '../../../common/naming/ingest-name';
import type { DestinationIndex } from './destination-index';
import { ext } from './group-pairs';

/**
 * A free stem for a group in every destination: no member's name, `.part`, or sidecar
 * name (`stem.xmp`, `stem.ext.xmp`) is taken. Collisions get `-2`, `-3`…; the names
 * are reserved at once so two groups never plan the same one.
 */
export function reserveStem(
  stem: string,
  names: string[],
  dests: DestinationIndex[],
  start = 1,
  /** False when joining a name that exists (its sidecar is shared, not a clash). */
  sidecars = true,
): { stem: string; files: string[] } {
  for (let n = start; ; n++) {
    const s = n === 1 ? stem : `${stem}-${n}`;
    const files = names.map((name) => s + ext(name));
    const all = sidecars
      ? [`${s}.xmp`, ...files.flatMap((f) => [f, `${f}.part`, `${f}.xmp`])]
      : files.flatMap((f) => [f, `${f}.part`]);
    if (all.some((f) => dests.some((d) => d.isTaken(f)))) continue;
    for (const d of dests) for (const f of all) d.take(f);
    return { stem: s, files };
  }
}

/** The stem a group gets: the rename pattern's, or the camera's own base name made safe. */
export function plannedStem(pattern: string | null, ctx: IngestNameContext): string {
  if (pattern?.trim()) return renderIngestStem(pattern, ctx);
  const dot = ctx.file.lastIndexOf('.');
  const b = dot > 0 ? ctx.file.slice(0, dot) : ctx.file;
  // Camera names are ASCII already; this only guards odd cards (a phone's "Ảnh 1.jpg").
  return safeStem(b) || 'photo';
}
