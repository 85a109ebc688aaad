import { afterEach, describe, expect, it } from 'vitest';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiEvent, EventSettings } from '../electron/contract/api';
import { createCore } from '../electron/core/app-core';
import { defaultEvent } from '../electron/core/captioning/event-store';
import { checksums, copyFixtures, FIXTURES, REPO, tempDir } from './helpers/fixtures';
import { exiftool, hasExiftool } from './helpers/exiftool';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const FILES = [
  'canon-eos1300d-18mp.jpg',
  'canon-eos350d-progressive.jpg',
  'fujifilm-s2pro-iptc-caption.jpg',
];

async function setup(files = FILES) {
  const dir = await copyFixtures(files);
  const state = await tempDir();
  const core = createCore({
    dataDir: join(state, 'data'),
    cacheDir: join(state, 'cache'),
    sampleDir: join(REPO, 'assets/sample-event'),
    mode: 'web',
    version: 't',
  });
  const events: ApiEvent[] = [];
  core.on((e) => events.push(e));
  cleanup.push(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });
  const before = await checksums(dir);
  await core.api.openFolder({ path: dir });
  return { dir, core, events, before };
}

function laoCaiEvent(city = 'Lào Cai'): EventSettings {
  const e = defaultEvent();
  e.template.event = 'Hội nghị BCH Liên đoàn Lao động tỉnh';
  e.template.city = { value: city, apply: true };
  e.template.province = { value: 'Lào Cai', apply: true };
  e.template.byline = { value: 'Tùng Lâm', apply: true };
  e.template.credit = { value: 'Báo Lào Cai', apply: true };
  e.template.dateCreated = { value: '2024-12-26', apply: true };
  e.template.keywords = { value: ['hội nghị', 'công đoàn'], apply: true };
  e.template.caption = { value: 'Ảnh: Tùng Lâm.', apply: true };
  return e;
}

describe('event template and live variables', () => {
  it('applies the template to three photos, writing every ticked field to their sidecars', async () => {
    const { dir, core, before } = await setup();
    await core.api.saveEvent({ folder: dir, event: laoCaiEvent() });
    const r = await core.api.applyTemplate({ folder: dir, files: null });
    expect(r).toEqual({ applied: FILES, failed: [] });
    const photos = await core.api.listPhotos({ folder: dir });
    for (const p of photos) {
      expect(p).toMatchObject({
        city: 'Lào Cai',
        province: 'Lào Cai',
        byline: 'Tùng Lâm',
        credit: 'Báo Lào Cai',
        keywords: ['hội nghị', 'công đoàn'],
        eventLinked: true,
      });
      expect(p.metadataSources.city).toBe('sidecar');
    }
    expect(await checksums(dir)).toEqual(before);
    if (hasExiftool) {
      const [x] = await exiftool([join(dir, 'canon-eos1300d-18mp.xmp')]);
      expect(x).toMatchObject({
        'XMP-photoshop:City': 'Lào Cai',
        'XMP-dc:Creator': 'Tùng Lâm',
        'XMP-dc:Subject': ['hội nghị', 'công đoàn'],
      });
    }
  });

  it('renders {city} live: fixing the city in the template rewrites every caption that uses it', async () => {
    const { dir, core, events } = await setup();
    await core.api.saveEvent({ folder: dir, event: laoCaiEvent('Lao Cai') });
    await core.api.applyTemplate({ folder: dir, files: FILES.slice(0, 2) });
    const a = await core.api.setCaption({
      folder: dir,
      file: FILES[0]!,
      text: 'Quang cảnh hội nghị tại {city} ngày {date}.',
    });
    expect(a.captionOwn).toBe('Quang cảnh hội nghị tại {city} ngày {date}.');
    expect(a.caption).toBe('Quang cảnh hội nghị tại Lao Cai ngày 26/12/2024. Ảnh: Tùng Lâm.');
    events.length = 0;
    const { updated } = await core.api.saveEvent({ folder: dir, event: laoCaiEvent('Lào Cai') });
    expect(updated).toContain(FILES[0]);
    // One event for the whole save, carrying the re-rendered captions: no re-listing needed.
    const changed = events.filter((e) => e.type === 'photosChanged');
    expect(changed).toHaveLength(1);
    const sent = changed[0]!.type === 'photosChanged' ? changed[0]!.photos : [];
    expect(sent.find((t) => t.file === FILES[0])?.caption).toBe(
      'Quang cảnh hội nghị tại Lào Cai ngày 26/12/2024. Ảnh: Tùng Lâm.',
    );
    const [p] = await core.api.listPhotos({ folder: dir });
    expect(p!.caption).toBe('Quang cảnh hội nghị tại Lào Cai ngày 26/12/2024. Ảnh: Tùng Lâm.');
    // Other tools read plain text: the sidecar's dc:description is the rendered caption.
    const xmp = await readFile(join(dir, 'canon-eos1300d-18mp.xmp'), 'utf8');
    expect(xmp).toContain('>Quang cảnh hội nghị tại Lào Cai ngày 26/12/2024. Ảnh: Tùng Lâm.<');
  });

  it('puts the photo’s own text before or after the shared caption, as set', async () => {
    const { dir, core } = await setup();
    const e = laoCaiEvent();
    e.template.caption = { value: 'Hội nghị {event} tại {city}.', apply: true };
    await core.api.saveEvent({ folder: dir, event: e });
    await core.api.applyTemplate({ folder: dir, files: [FILES[1]!] });
    expect(
      (await core.api.setCaption({ folder: dir, file: FILES[1]!, text: 'Đại biểu biểu quyết.' }))
        .caption,
    ).toBe('Đại biểu biểu quyết. Hội nghị Hội nghị BCH Liên đoàn Lao động tỉnh tại Lào Cai.');
    await core.api.saveEvent({ folder: dir, event: { ...e, ownTextPosition: 'after' } });
    expect((await core.api.listPhotos({ folder: dir }))[1]!.caption).toBe(
      'Hội nghị Hội nghị BCH Liên đoàn Lao động tỉnh tại Lào Cai. Đại biểu biểu quyết.',
    );
  });

  it('applies the template to photos that arrive while the folder is open, when asked to', async () => {
    const { dir, core, events } = await setup(FILES.slice(0, 1));
    await core.api.saveEvent({ folder: dir, event: { ...laoCaiEvent(), autoApply: true } });
    await cp(join(FIXTURES, 'canon-eos350d-progressive.jpg'), join(dir, 'DSC-2403.JPG'));
    // The arrival is announced as read, then again with the template applied: the
    // renderer keeps the last, so no listing is needed to see either.
    const linked = () =>
      events
        .flatMap((e) => (e.type === 'photosChanged' ? e.photos : []))
        .filter((p) => p.file === 'DSC-2403.JPG' && p.eventLinked)
        .at(-1);
    const end = Date.now() + 5000;
    while (!linked() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    expect(linked()).toMatchObject({
      city: 'Lào Cai',
      eventLinked: true,
      caption: 'Ảnh: Tùng Lâm.',
    });
    const arrived = (await core.api.listPhotos({ folder: dir })).find(
      (p) => p.file === 'DSC-2403.JPG',
    )!;
    expect(arrived).toMatchObject({
      city: 'Lào Cai',
      eventLinked: true,
      caption: 'Ảnh: Tùng Lâm.',
    });
  });
});

describe('captions edited elsewhere', () => {
  it('refuses to overwrite a caption changed since the editor loaded it, and names both', async () => {
    const { dir, core } = await setup();
    await core.api.setCaption({ folder: dir, file: FILES[0]!, text: 'Bản của tôi.' });
    await expect(
      core.api.setCaption({
        folder: dir,
        file: FILES[0]!,
        text: 'Bản mới.',
        expected: 'Bản cũ khác.',
      }),
    ).rejects.toMatchObject({
      code: 'caption-conflict',
      kind: 'conflict',
      params: { file: FILES[0] },
      message: expect.stringContaining('Bản của tôi.'),
    });
    expect(
      (
        await core.api.setCaption({
          folder: dir,
          file: FILES[0]!,
          text: 'Bản mới.',
          expected: 'Bản của tôi.',
        })
      ).caption,
    ).toBe('Bản mới.');
  });

  it('shows a caption another program wrote into the sidecar, over our template', async () => {
    const { dir, core } = await setup();
    await core.api.setCaption({ folder: dir, file: FILES[0]!, text: 'Tại {city}.' });
    const path = join(dir, 'canon-eos1300d-18mp.xmp');
    const xmp = await readFile(path, 'utf8');
    await writeFile(
      path,
      xmp.replace(
        /<rdf:li xml:lang="x-default">[^<]*<\/rdf:li>/,
        '<rdf:li xml:lang="x-default">Sửa trong Photo Mechanic.</rdf:li>',
      ),
    );
    const p = (await core.api.listPhotos({ folder: dir }))[0]!;
    expect(p.caption).toBe('Sửa trong Photo Mechanic.');
    expect(p.captionOwn).toBe('Sửa trong Photo Mechanic.');
  });
});

describe('culling, pairs, find and replace, code lists', () => {
  it('stores rating, label, colour class and pick in the sidecar, readable by exiftool', async () => {
    const { dir, core } = await setup();
    const [p] = await core.api.setFields({
      folder: dir,
      files: [FILES[0]!],
      fields: { headline: 'Hội nghị BCH' },
      culling: { rating: 4, label: 'Red', colorClass: 2, pick: true },
    });
    expect(p).toMatchObject({
      rating: 4,
      label: 'Red',
      colorClass: 2,
      pick: true,
      headline: 'Hội nghị BCH',
    });
    if (hasExiftool) {
      const [x] = await exiftool([join(dir, 'canon-eos1300d-18mp.xmp')]);
      expect(x).toMatchObject({
        'XMP-xmp:Rating': 4,
        'XMP-xmp:Label': 'Red',
        'XMP-photoshop:Headline': 'Hội nghị BCH',
      });
    }
  });

  it('shows a RAW+JPEG pair as one photo sharing name.xmp', async () => {
    const dir = await copyFixtures([]);
    await cp(join(FIXTURES, 'canon-eos350d-progressive.jpg'), join(dir, 'DSC-2403.JPG'));
    await cp(join(FIXTURES, 'canon-eos-r6-truncated.cr3'), join(dir, 'DSC-2403.CR3'));
    const state = await tempDir();
    const core = createCore({
      dataDir: state,
      cacheDir: state,
      sampleDir: FIXTURES,
      mode: 'web',
      version: 't',
    });
    cleanup.push(async () => {
      await core.close();
      await rm(dir, { recursive: true, force: true });
      await rm(state, { recursive: true, force: true });
    });
    const { photos } = await core.api.openFolder({ path: dir });
    expect(photos.map((p) => [p.file, p.pairedWith])).toEqual([['DSC-2403.JPG', 'DSC-2403.CR3']]);
    await core.api.setCaption({ folder: dir, file: 'DSC-2403.JPG', text: 'Cặp RAW+JPEG.' });
    expect(await readFile(join(dir, 'DSC-2403.xmp'), 'utf8')).toContain('Cặp RAW+JPEG.');
  });

  it('previews find and replace across captions before applying it', async () => {
    const { dir, core } = await setup();
    await core.api.setCaption({
      folder: dir,
      file: FILES[0]!,
      text: 'Phó Bí thư Tỉnh uỷ phát biểu.',
    });
    await core.api.setCaption({ folder: dir, file: FILES[1]!, text: 'Đại biểu Tỉnh uỷ dự.' });
    const spec = { find: 'Tỉnh uỷ', replace: 'Tỉnh ủy', regex: false, caseSensitive: true };
    const preview = await core.api.findReplace({ folder: dir, spec, apply: false });
    expect(preview.changes.map((c) => [c.file, c.after])).toEqual([
      [FILES[0], 'Phó Bí thư Tỉnh ủy phát biểu.'],
      [FILES[1], 'Đại biểu Tỉnh ủy dự.'],
    ]);
    expect((await core.api.listPhotos({ folder: dir }))[0]!.caption).toBe(
      'Phó Bí thư Tỉnh uỷ phát biểu.',
    );
    await core.api.findReplace({ folder: dir, spec, apply: true });
    expect((await core.api.listPhotos({ folder: dir })).map((p) => p.caption)).toEqual([
      'Phó Bí thư Tỉnh ủy phát biểu.',
      'Đại biểu Tỉnh ủy dự.',
      'The Gateshead Angel',
    ]);
    await expect(
      core.api.findReplace({
        folder: dir,
        spec: { ...spec, regex: true, find: '(' },
        apply: false,
      }),
    ).rejects.toThrow(/invalid regular expression/);
  });

  it('loads the shipped example code list, imports Photo Mechanic lists, last one winning', async () => {
    const { core } = await setup([]);
    const first = await core.api.codeReplacements({});
    expect(first.lists[0]!.name).toBe('Báo Lào Cai (mẫu)');
    expect(first.entries.find((e) => e.code === 'hg')!.columns[0]).toBe(
      'Phó Bí thư Tỉnh ủy Hoàng Giang',
    );
    const r = await core.api.importCodeList({
      name: 'Của tôi',
      text: '\uFEFF// riêng\nhg\tĐồng chí Hoàng Giang\r\n',
    });
    expect(r).toMatchObject({ count: 1, skipped: [] });
    const merged = await core.api.codeReplacements({});
    expect(merged.entries.find((e) => e.code === 'hg')!.columns[0]).toBe('Đồng chí Hoàng Giang');
    expect((await core.api.exportCodeList({ name: 'Của tôi' })).text).toContain(
      'hg\tĐồng chí Hoàng Giang',
    );
  });

  it('saves and reloads templates by name', async () => {
    const { core } = await setup([]);
    await core.api.saveTemplate({ name: 'Lào Cai / hội nghị', template: laoCaiEvent().template });
    expect(await core.api.listTemplates({})).toEqual(['Lào Cai / hội nghị']);
    expect((await core.api.loadTemplate({ name: 'Lào Cai / hội nghị' })).city.value).toBe(
      'Lào Cai',
    );
  });
});

describe('concurrent edits', () => {
  it('keeps every one of several simultaneous writes to the same photo', async () => {
    const { dir, core } = await setup(FILES.slice(0, 1));
    const file = FILES[0]!;
    await Promise.all([
      core.api.setFields({ folder: dir, files: [file], fields: {}, culling: { rating: 3 } }),
      core.api.setFields({
        folder: dir,
        files: [file],
        fields: {},
        culling: { label: 'Red', colorClass: 1 },
      }),
      core.api.setFields({ folder: dir, files: [file], fields: {}, culling: { pick: true } }),
      core.api.setFields({ folder: dir, files: [file], fields: { city: 'Lào Cai' }, culling: {} }),
      core.api.setCaption({ folder: dir, file, text: 'Đại biểu dự hội nghị.' }),
    ]);
    const [p] = await core.api.listPhotos({ folder: dir });
    expect(p).toMatchObject({
      rating: 3,
      label: 'Red',
      colorClass: 1,
      pick: true,
      city: 'Lào Cai',
      caption: 'Đại biểu dự hội nghị.',
    });
  });
});
