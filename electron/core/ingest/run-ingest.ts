import { mkdir, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ApiError, errorInfo, type ErrorInfo, type Template } from '../../contract/api';
import type { IngestFile } from '../../contract/ingest';
import { bylineForSerial, type HotCodeEntry } from '../../../common/ingest/hot-codes';
import { readPhoto, type PhotoRead } from '../metadata/read-photo';
import { writeSidecar, type SidecarNaming } from '../metadata/sidecar';
import { CancelledError, CHUNK, copyVerified, hashFile, SideError } from './copy-verify';
import { DestinationIndex } from './destination-index';
import { groupPairs, type SourceGroup } from './group-pairs';
import { lockDestination, removeStaleParts } from './ingest-lock';
import { ingestSidecarChanges } from './ingest-sidecar';
import { inOrderPool } from './limit';
import { KeyedLocks } from '../util/keyed-locks';
import { listSources, reason, type SourceFile } from './list-sources';
import type { Item, Plan } from './ingest-item';
import { planGroup, type PlanContext } from './plan-group';
import { ProgressTracker, type IngestProgress } from './progress';

export interface IngestRunOptions {
  sources: string[];
  to: string;
  backup: string | null;
  rename: string | null;
  template: Template | null;
  hotCodes: HotCodeEntry[];
  sidecarNaming: SidecarNaming;
  signal?: AbortSignal;
  onProgress?(p: IngestProgress): void;
}

export interface IngestOutcome {
  files: IngestFile[];
  copied: number;
  skipped: number;
  failed: number;
  bytes: number;
  cancelled: boolean;
}

/** Copies in flight: enough to overlap one file's fsync and read-back with the next copy. */
const IN_FLIGHT = 3;
/** Metadata and same-size hashing run ahead of the copies. */
const LOOK_AHEAD = 4;

/**
 * Copy cards into an event folder (and a backup): `.part`, fsync, sha256 read back,
 * the sidecar, then the final name, never over an existing file. Already-ingested
 * content is skipped. Each failure names its file and the rest goes on.
 */
export async function runIngest(opts: IngestRunOptions): Promise<IngestOutcome> {
  const to = resolve(opts.to);
  const backupDir = opts.backup ? resolve(opts.backup) : null;
  if (backupDir === to)
    throw new ApiError('the backup folder must differ from the destination', 'ingest-backup-same');
  const unlocks: (() => Promise<void>)[] = [];
  const dests: DestinationIndex[] = [];
  try {
    for (const d of [to, backupDir]) {
      if (!d) continue;
      await mkdir(d, { recursive: true });
      unlocks.push(await lockDestination(d));
      // A killed ingest leaves only .part files; they are redone from the card (and
      // removed before the index is read, so their names are free again).
      await removeStaleParts(d);
      dests.push(await DestinationIndex.open(d));
    }
    return await ingestInto(opts, dests[0]!, dests[1] ?? null);
  } finally {
    await Promise.all(dests.map((d) => d.close().catch(() => undefined)));
    for (const u of unlocks) await u();
  }
}

async function ingestInto(
  opts: IngestRunOptions,
  prim: DestinationIndex,
  bak: DestinationIndex | null,
): Promise<IngestOutcome> {
  const signal = opts.signal;
  const progress = new ProgressTracker((p) => opts.onProgress?.(p));
  const listed = await listSources(
    opts.sources,
    [prim.folder, bak?.folder].filter((x): x is string => !!x),
  );
  const items = new Map<SourceFile, Item>();
  for (const file of listed.files)
    items.set(file, {
      file,
      out: {
        source: file.path,
        dest: null,
        backup: null,
        sha256: null,
        status: 'failed',
        error: null,
      },
      inPrimary: null,
      inBackup: null,
    });
  const problems: IngestFile[] = listed.problems.map((p) => ({
    source: p.path,
    dest: null,
    backup: null,
    sha256: null,
    status: 'failed',
    error: p.error,
    ...p.info,
  }));
  progress.state.filesTotal = listed.files.length + problems.length;
  progress.state.bytesTotal = listed.files.reduce((n, f) => n + f.size, 0);
  for (let i = 0; i < problems.length; i++) progress.fileDone({ failed: true });

  const groups = groupPairs(listed.files);
  const fail = (it: Item, err: unknown) => {
    it.out.status = 'failed';
    it.out.error = describeFailure(it.file, err);
    Object.assign(it.out, failureInfo(it.file, err));
    progress.drop(it.file.size);
    progress.fileDone({ failed: true });
  };
  const needsCopy = (it: Item) =>
    it.out.error === null && (!it.inPrimary || (bak !== null && !it.inBackup));

  // Look-ahead: find what is already in (by content), and read the metadata names need.
  const prepared: Promise<PhotoRead | null>[] = [];
  const prepare = async (g: SourceGroup): Promise<PhotoRead | null> => {
    for (const m of g.members) {
      const it = items.get(m)!;
      if (!prim.mayHold(m.size) && !bak?.mayHold(m.size)) continue;
      try {
        const h = await hashFile(m.path, signal);
        it.out.sha256 = h.sha256;
        it.inPrimary = await prim.find(h.sha256, h.size, signal);
        it.inBackup = bak ? await bak.find(h.sha256, h.size, signal) : null;
      } catch (err) {
        if (err instanceof CancelledError) return null;
        fail(it, err);
      }
    }
    const todo = g.members.filter((m) => needsCopy(items.get(m)!));
    if (!todo.length) return null;
    // Headers only, read-only; the JPEG first (groupPairs put it first).
    for (const m of todo) {
      const r = await readPhoto(m.path, m.name);
      if (!r.error || m === todo[todo.length - 1]) return r;
    }
    return null;
  };
  let ahead = 0;
  const startPrepare = (upTo: number) => {
    for (; ahead < Math.min(upTo, groups.length); ahead++) {
      const g = groups[ahead]!;
      prepared.push(prepare(g));
    }
  };
  startPrepare(LOOK_AHEAD + IN_FLIGHT);

  // Names are planned one group at a time, in card order, so {seqn} follows the card.
  let seqn = prim.maxSeqn;
  let planning: Promise<unknown> = Promise.resolve();
  const planContext: PlanContext = {
    items,
    prim,
    bak,
    rename: opts.rename,
    template: opts.template,
    nextSeqn: () => ++seqn,
    needsCopy,
  };

  const bufsPool = Array.from({ length: IN_FLIGHT }, () =>
    [0, 1].map(() => Buffer.allocUnsafe(CHUNK)),
  );
  let cancelled = false;
  const sameContent = new KeyedLocks();
  await inOrderPool(
    groups.length,
    IN_FLIGHT,
    async (gi) => {
      const bufs = bufsPool.pop()!;
      try {
        startPrepare(gi + 1 + LOOK_AHEAD + IN_FLIGHT);
        const g = groups[gi]!;
        const planned = planning.then(async () => planGroup(planContext, g, await prepared[gi]!));
        planning = planned.catch(() => undefined);
        const p = await planned;
        await copyGroup(g, p, bufs);
      } finally {
        bufsPool.push(bufs);
      }
    },
    () => (cancelled = !!signal?.aborted),
  );

  async function copyGroup(g: SourceGroup, p: Plan, bufs: Buffer[]): Promise<void> {
    const sidecarDone = new Set<DestinationIndex>();
    for (const m of g.members) {
      const it = items.get(m)!;
      if (it.out.error !== null) continue;
      if (!needsCopy(it)) {
        it.out.status = 'skipped';
        it.out.dest = it.inPrimary;
        it.out.backup = it.inBackup && bak ? join(bak.folder, it.inBackup) : null;
        progress.drop(m.size);
        progress.fileDone();
        continue;
      }
      if (signal?.aborted) return;
      progress.current(m.name);
      const targets: { dest: DestinationIndex; name: string }[] = [];
      if (!it.inPrimary) targets.push({ dest: prim, name: p.names.get(it)! });
      if (bak && !it.inBackup) targets.push({ dest: bak, name: p.backupNames.get(it)! });
      let copied = 0;
      try {
        const r = await copyVerified(
          m.path,
          targets.map((t) => ({ part: join(t.dest.folder, `${t.name}.part`) })),
          (n) => {
            copied += n;
            progress.bytes(n);
          },
          signal,
          bufs,
        );
        it.out.sha256 = r.sha256;
        let landedAny = false;
        for (const t of targets) {
          // The same photo twice on a card: one copy lands, the other finds it (one at a
          // time per content, so two copies in flight cannot both miss each other).
          await sameContent.run(`${t.dest.folder}\0${r.sha256}`, async () => {
            const part = join(t.dest.folder, `${t.name}.part`);
            const dup = await t.dest.find(r.sha256, r.size);
            if (dup) {
              await unlink(part).catch(() => undefined);
              t.name = dup;
              return;
            }
            if (p.fresh && !sidecarDone.has(t.dest)) {
              await writeIngestSidecar(t.dest, t.name, p, g.paired);
              sidecarDone.add(t.dest);
            }
            t.name = await t.dest.land(part, t.name);
            landedAny = true;
            await t.dest.landed(
              t.name,
              r.sha256,
              r.size,
              t.dest === prim && p.fresh ? p.seqn : undefined,
            );
          });
        }
        const pt = targets.find((t) => t.dest === prim);
        const bt = targets.find((t) => t.dest === bak);
        it.out.dest = pt ? pt.name : it.inPrimary;
        it.out.backup = bak ? join(bak.folder, bt ? bt.name : it.inBackup!) : null;
        it.out.status = landedAny ? 'copied' : 'skipped';
        progress.fileDone({ landed: landedAny ? (pt?.name ?? null) : null });
      } catch (err) {
        progress.bytes(-copied);
        if (err instanceof CancelledError) return;
        fail(it, err);
      }
    }
  }

  async function writeIngestSidecar(d: DestinationIndex, name: string, p: Plan, paired: boolean) {
    const changes = ingestSidecarChanges(opts.template, {
      file: name,
      capturedAt: p.meta?.capturedAt ?? null,
      seqn: p.seqn,
      hotByline: bylineForSerial(opts.hotCodes, p.meta?.serial ?? null),
    });
    if (!changes.length) return;
    // Before the photo has its name: a watcher that sees the photo sees its metadata too.
    await writeSidecar(d.folder, name, changes, { naming: opts.sidecarNaming, paired });
  }

  await Promise.allSettled(prepared);
  // Whatever a cancel left undone is reported, not silently dropped.
  for (const it of items.values())
    if (it.out.status === 'failed' && it.out.error === null) {
      it.out.error = `${it.file.path}: cancelled before it was copied`;
      Object.assign(it.out, { code: 'ingest-cancelled', params: { file: it.file.name } });
      cancelled = true;
    }
  progress.current('');
  progress.emit();
  const files = [...problems, ...[...items.values()].map((it) => it.out)];
  const count = (s: IngestFile['status']) => files.filter((f) => f.status === s).length;
  return {
    files,
    copied: count('copied'),
    skipped: count('skipped'),
    failed: count('failed'),
    bytes: progress.state.bytesDone,
    cancelled: cancelled || !!signal?.aborted,
  };
}

/** The same failure as a code: a card that cannot be read, a full or refused destination, a bad copy. */
function failureInfo(file: SourceFile, err: unknown): ErrorInfo {
  const path = file.name;
  if (err instanceof SideError) {
    if (err.side === 'read')
      return errorInfo(err.cause, file.path, {
        code: 'ingest-source-unreadable',
        params: { path: file.path },
      });
    if (/does not match the card/.test(reason(err.cause)))
      return { code: 'copy-mismatch', params: { file: path } };
    return errorInfo(err.cause, err.path ?? path);
  }
  return errorInfo(err, path);
}

function describeFailure(file: SourceFile, err: unknown): string {
  if (err instanceof SideError)
    return err.side === 'read'
      ? `${file.path}: cannot read: ${reason(err.cause)}`
      : `${file.path}: cannot write ${err.path ?? 'the copy'}: ${reason(err.cause)}`;
  return `${file.path}: ${reason(err)}`;
}
