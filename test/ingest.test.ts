import { afterEach, describe, expect, it } from 'vitest';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ApiEvent, Template } from '../electron/contract/api';
import type { IngestResult } from '../electron/contract/ingest';
import { createCore } from '../electron/core/app-core';
import { emptyTemplate } from '../electron/core/captioning/event-store';
import { readSidecar } from '../electron/core/metadata/sidecar';
import { readPhoto } from '../electron/core/metadata/read-photo';
import { FIXTURES, sha256, tempDir } from './helpers/fixtures';
import { makeCard, SERIAL_A, SERIAL_B } from './helpers/make-card';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup() {
  const root = await tempDir('captiondesk-ingest-');
  const card = join(root, 'card');
  await makeCard(card);
  const core = createCore({
    dataDir: join(root, 'data'),
    cacheDir: join(root, 'cache'),
    sampleDir: FIXTURES,
    mode: 'cli',
    version: 't',
  });
  const events: ApiEvent[] = [];
  core.on((e) => events.push(e));
  cleanup.push(async () => {
    await core.close();
    await rm(root, { recursive: true, force: true });
  });
  return { root, card, core, events, to: join(root, 'event'), backup: join(root, 'backup') };
}

/** Every file under a folder with its sha256 and mtime: the card's fingerprint. */
async function fingerprint(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    out.set(relative(dir, p), `${await sha256(p)} ${(await stat(p)).mtimeMs}`);
  }
  return out;
}

function template(): Template {
  const t = emptyTemplate();
  t.event = 'Hội nghị Đảng bộ tỉnh';
  t.city = { value: 'Lào Cai', apply: true };
  t.credit = { value: 'Báo Lào Cai', apply: true };
  t.byline = { value: 'Trần Văn Đức', apply: true };
  t.caption = { value: 'Quang cảnh {event} tại {city}.', apply: true };
  return t;
}

const bySource = (r: IngestResult, card: string, rel: string) =>
  r.files.find((f) => f.source === join(card, rel))!;

describe('ingest', () => {
  it('copies a two-body card to a folder and a backup: renamed, paired, verified, skipped the second time', async () => {
    const { card, core, events, to, backup } = await setup();
    const before = await fingerprint(card);
    const r = await core.api.ingest({
      sources: [card],
      to,
      backup,
      rename: '{event}_{date}_{seqn}',
      template: template(),
      hotCodes: [{ serial: SERIAL_B, byline: 'Nguyễn Thị Hoa' }],
    });
    expect(r.failed).toBe(0);
    expect(r.copied).toBe(7);
    expect(r.files.map((f) => f.status)).toEqual(Array(7).fill('copied'));
    // Litter (hidden, .Trashes, non-photos) is not ingested.
    expect(r.files.some((f) => /\._|Trashes|AUTPRINT/.test(f.source))).toBe(false);

    // Renamed: NFC, folded (Đ→D), ASCII; {seqn} counts photos, a pair is one photo.
    const pairJpg = bySource(r, card, 'DCIM/100CANON/IMG_0001.JPG');
    const pairRaw = bySource(r, card, 'DCIM/100CANON/IMG_0001.CR3');
    expect(pairJpg.dest).toBe('Hoi-nghi-Dang-bo-tinh_20261120_0001.JPG');
    expect(pairRaw.dest).toBe('Hoi-nghi-Dang-bo-tinh_20261120_0001.CR3');
    expect(bySource(r, card, 'DCIM/100CANON/IMG_0002.JPG').dest).toBe(
      'Hoi-nghi-Dang-bo-tinh_20261120_0002.JPG',
    );
    const second = bySource(r, card, 'DCIM/101CANON/IMG_0004.CR3');
    expect(second.dest).toBe('Hoi-nghi-Dang-bo-tinh_20261120_0005.CR3');
    expect(bySource(r, card, 'DCIM/101CANON/IMG_0004.JPG').dest).toBe(
      'Hoi-nghi-Dang-bo-tinh_20261120_0005.JPG',
    );

    // sha256 equal on both sides and to the card.
    for (const f of r.files) {
      const src = await sha256(f.source);
      expect(f.sha256).toBe(src);
      expect(await sha256(join(to, f.dest!))).toBe(src);
      expect(f.backup).toBe(join(backup, f.dest!));
      expect(await sha256(f.backup!)).toBe(src);
    }
    const left = [...(await readdir(to)), ...(await readdir(backup))];
    expect(left.filter((n) => n.endsWith('.part'))).toEqual([]);

    // Template and hot codes in the sidecars: a pair shares name.xmp.
    const pairSide = await readSidecar(to, pairJpg.dest!, true);
    expect(pairSide?.path).toBe(join(to, 'Hoi-nghi-Dang-bo-tinh_20261120_0001.xmp'));
    expect(pairSide?.fields.city).toBe('Lào Cai');
    expect(pairSide?.fields.credit).toBe('Báo Lào Cai');
    expect(pairSide?.fields.byline).toEqual(['Trần Văn Đức']);
    expect(pairSide?.fields.caption).toBe('Quang cảnh Hội nghị Đảng bộ tỉnh tại Lào Cai.');
    expect(pairSide?.fields.eventLinked).toBe(true);
    const colleague = bySource(r, card, 'DCIM/100CANON/IMG_0003.JPG');
    const hot = await readSidecar(to, colleague.dest!);
    expect(hot?.fields.byline).toEqual(['Nguyễn Thị Hoa']);
    expect(hot?.fields.city).toBe('Lào Cai');
    const inBackup = await readSidecar(backup, colleague.dest!);
    expect(inBackup?.fields.byline).toEqual(['Nguyễn Thị Hoa']);
    // Serial A has no hot code: the template's byline stays.
    const own = await readSidecar(to, bySource(r, card, 'DCIM/100CANON/IMG_0002.JPG').dest!);
    expect(own?.fields.byline).toEqual(['Trần Văn Đức']);
    // The event folder takes the template, so the app shows what the sidecars say.
    const opened = await core.api.openFolder({ path: to });
    const tile = opened.photos.find((p) => p.file === colleague.dest)!;
    expect(tile.caption).toBe('Quang cảnh Hội nghị Đảng bộ tỉnh tại Lào Cai.');
    expect(tile.byline).toBe('Nguyễn Thị Hoa');
    expect(tile.serial).toBe(SERIAL_B);

    // Progress went out, ending with everything done.
    const progress = events.filter((e) => e.type === 'ingestProgress');
    expect(progress.length).toBeGreaterThan(0);
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ filesDone: 7, filesTotal: 7, failed: 0 });
    expect(progress.some((e) => e.landed)).toBe(true);

    // A second ingest of the same card copies nothing, by content.
    const journal = await readFile(join(to, '.captiondesk', 'ingest-journal.jsonl'), 'utf8');
    const again = await core.api.ingest({
      sources: [card],
      to,
      backup,
      rename: '{event}_{date}_{seqn}',
      template: template(),
    });
    expect(again.copied).toBe(0);
    expect(again.skipped).toBe(7);
    expect(again.bytes).toBe(0);
    for (const f of again.files)
      expect(f.dest).toBe(bySource(r, card, relative(card, f.source)).dest);
    expect(await readFile(join(to, '.captiondesk', 'ingest-journal.jsonl'), 'utf8')).toBe(journal);

    // The card was only read.
    expect(await fingerprint(card)).toEqual(before);
  });

  it('keeps camera names by default, gives collisions a suffix and never overwrites', async () => {
    const { card, core, to } = await setup();
    // A different photo already has the first name in the destination.
    const { mkdir } = await import('node:fs/promises');
    await mkdir(to, { recursive: true });
    await writeFile(join(to, 'IMG_0002.JPG'), 'somebody else’s photo');
    const r = await core.api.ingest({ sources: [card], to });
    expect(r.failed).toBe(0);
    expect(bySource(r, card, 'DCIM/100CANON/IMG_0001.JPG').dest).toBe('IMG_0001.JPG');
    expect(bySource(r, card, 'DCIM/100CANON/IMG_0001.CR3').dest).toBe('IMG_0001.CR3');
    // The second card folder's IMG_0001 collides with the first's.
    expect(bySource(r, card, 'DCIM/101CANON/IMG_0001.JPG').dest).toBe('IMG_0001-2.JPG');
    expect(bySource(r, card, 'DCIM/100CANON/IMG_0002.JPG').dest).toBe('IMG_0002-2.JPG');
    expect(await readFile(join(to, 'IMG_0002.JPG'), 'utf8')).toBe('somebody else’s photo');
    expect(r.files.every((f) => f.backup === null)).toBe(true);
  });

  it("continues {seqn} from the folder's earlier ingests (a second card the same day)", async () => {
    const { card, core, to } = await setup();
    const first = await core.api.ingest({
      sources: [join(card, 'DCIM', '100CANON')],
      to,
      rename: '{seqn}',
    });
    // IMG_0001 pair, IMG_0002, IMG_0003: three photos.
    expect(first.files.map((f) => f.dest)).toEqual([
      '0001.CR3',
      '0001.JPG',
      '0002.JPG',
      '0003.JPG',
    ]);
    const second = await core.api.ingest({
      sources: [join(card, 'DCIM', '101CANON')],
      to,
      rename: '{seqn}',
    });
    expect(second.files.map((f) => f.dest)).toEqual(['0004.JPG', '0005.CR3', '0005.JPG']);
  });

  it('skips by content even under another name, hashing same-size strangers', async () => {
    const { card, core, to } = await setup();
    const { mkdir, copyFile } = await import('node:fs/promises');
    await mkdir(to, { recursive: true });
    // Copied by hand earlier under a name of the photographer's choice: no journal line.
    await copyFile(join(card, 'DCIM', '100CANON', 'IMG_0002.JPG'), join(to, 'chan-dung.jpg'));
    const r = await core.api.ingest({ sources: [card], to });
    const f = bySource(r, card, 'DCIM/100CANON/IMG_0002.JPG');
    expect(f.status).toBe('skipped');
    expect(f.dest).toBe('chan-dung.jpg');
    expect(r.copied).toBe(6);
  });

  it('lands the same photo twice on a card only once', async () => {
    const { card, core, to } = await setup();
    const { mkdir, copyFile } = await import('node:fs/promises');
    await mkdir(join(card, 'DCIM', '102CANON'));
    await copyFile(
      join(card, 'DCIM', '100CANON', 'IMG_0002.JPG'),
      join(card, 'DCIM', '102CANON', 'IMG_0777.JPG'),
    );
    const r = await core.api.ingest({ sources: [card], to });
    const a = bySource(r, card, 'DCIM/100CANON/IMG_0002.JPG');
    const b = bySource(r, card, 'DCIM/102CANON/IMG_0777.JPG');
    expect([a.status, b.status].sort()).toEqual(['copied', 'skipped']);
    expect(a.dest).toBe(b.dest);
    expect((await readdir(to)).filter((n) => /\.JPG$/.test(n))).toHaveLength(5);
  });

  it('names a file it cannot read and copies the rest', async () => {
    const { card, core, to } = await setup();
    const { symlink } = await import('node:fs/promises');
    // A card entry whose data is gone (a dangling entry, as a pulled card leaves).
    await symlink(join(card, 'gone.JPG'), join(card, 'DCIM', '100CANON', 'IMG_0099.JPG'));
    const r = await core.api.ingest({ sources: [card], to });
    const bad = r.files.find((f) => f.status === 'failed')!;
    expect(bad.source).toBe(join(card, 'DCIM', '100CANON', 'IMG_0099.JPG'));
    expect(bad.error).toMatch(/IMG_0099\.JPG: no such file/);
    expect(r.failed).toBe(1);
    expect(r.copied).toBe(7);
  });

  it('is cancelled by cancelJob with its job id, leaving no .part', async () => {
    const { card, core, to } = await setup();
    const job = 'ingest:test-cancel';
    // Cancelled from inside the first progress event: the ingest is surely under way.
    let asked: Promise<{ cancelled: boolean }> | null = null;
    core.on((e) => {
      if (e.type === 'ingestProgress' && !asked) asked = core.api.cancelJob({ job });
    });
    const run = core.api.ingest({ sources: [card], to, job });
    const r = await run;
    expect(asked).not.toBeNull();
    expect((await asked!).cancelled).toBe(true);
    expect(r.cancelled).toBe(true);
    expect((await readdir(to)).filter((n) => n.endsWith('.part'))).toEqual([]);
    for (const f of r.files.filter((x) => x.status === 'copied'))
      expect(await sha256(join(to, f.dest!))).toBe(await sha256(f.source));
    expect(
      r.files.filter((f) => f.status === 'failed').every((f) => /cancelled/.test(f.error!)),
    ).toBe(true);
    // And a second run finishes the job.
    const rest = await core.api.ingest({ sources: [card], to });
    expect(rest.failed).toBe(0);
    expect(rest.copied + rest.skipped).toBe(7);
    expect(rest.skipped).toBe(r.copied);
  });

  it('reads capture time, model and serial of the generated card as a camera would write them', async () => {
    const { card } = await setup();
    const p = await readPhoto(join(card, 'DCIM', '100CANON', 'IMG_0001.JPG'), 'IMG_0001.JPG');
    expect(p).toMatchObject({
      model: 'Canon EOS R6',
      serial: SERIAL_A,
      capturedAt: '2026-11-20T09:15:00',
    });
  });
});
