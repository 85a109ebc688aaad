import type { Template } from '../../contract/api';
import type { PhotoRead } from '../metadata/read-photo';
import type { DestinationIndex } from './destination-index';
import type { SourceGroup } from './group-pairs';
import { stemOf, type Item, type Plan } from './ingest-item';
import type { SourceFile } from './list-sources';
import { plannedStem, reserveStem } from './name-plan';
import { templateNameValues } from '../../../common/naming/ingest-name';

export interface PlanContext {
  items: Map<SourceFile, Item>;
  prim: DestinationIndex;
  bak: DestinationIndex | null;
  rename: string | null;
  template: Template | null;
  /** The next {seqn}: called once per new photo, in card order. */
  nextSeqn(): number;
  needsCopy(it: Item): boolean;
}

/**
 * The names for one group: a new photo gets the pattern's stem with the next {seqn};
 * a group part of which is in already (a JPEG ingested before its RAW) joins that
 * name. Names are reserved in every destination as they are chosen.
 */
export function planGroup(ctx: PlanContext, g: SourceGroup, meta: PhotoRead | null): Plan {
  const { prim, bak } = ctx;
  const dests = bak ? [prim, bak] : [prim];
  const all = g.members.map((m) => ctx.items.get(m)!);
  const todo = all.filter(ctx.needsCopy);
  const names = new Map<Item, string>();
  const already = all.find((it) => it.inPrimary);
  const newInPrimary = todo.filter((it) => !it.inPrimary);
  let fresh = false;
  let seqn = 0;
  if (already) {
    const stem = stemOf(already.inPrimary!);
    for (const it of newInPrimary)
      names.set(it, reserveStem(stem, [it.file.name], dests, 1, false).files[0]!);
  } else if (newInPrimary.length) {
    fresh = true;
    seqn = ctx.nextSeqn();
    const stem = plannedStem(ctx.rename, {
      file: g.members[0]!.name,
      seqn,
      serial: meta?.serial ?? null,
      model: meta?.model ?? null,
      make: meta?.make ?? null,
      capturedAt: meta?.capturedAt ?? null,
      event: templateNameValues(ctx.template),
    });
    const r = reserveStem(
      stem,
      newInPrimary.map((it) => it.file.name),
      dests,
    );
    newInPrimary.forEach((it, i) => names.set(it, r.files[i]!));
  }
  const backupNames = new Map<Item, string>();
  if (bak)
    for (const it of todo.filter((x) => !x.inBackup))
      backupNames.set(
        it,
        names.get(it) ??
          reserveStem(stemOf(it.inPrimary!), [it.inPrimary!], [bak], 1, false).files[0]!,
      );
  return { fresh, seqn, meta, names, backupNames };
}
