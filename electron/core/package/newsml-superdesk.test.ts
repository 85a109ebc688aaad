/**
 * Superdesk ingests newsml.xml: its own NewsML-G2 feed parser (superdesk-core's
 * newsml_2_0.py, unmodified, with its framework imports stubbed; see
 * test/third-party/superdesk/README.md) runs on the seed article's newsml.xml under Debian's
 * Python, which has python3-lxml and python3-arrow, and what it ingested is checked here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_BYLINE, seedManifest } from '../../../test/helpers/seed-manifest';
import { newsMlGuids, renderNewsMl, wordCount } from './render-newsml';
import { accessible, ALT_TEXT } from './testing/photo-fields-manifest';

const PYTHON = '/usr/bin/python3';
const RUNNER = resolve(__dirname, '../../../test/third-party/superdesk/run_newsml2.py');
const HAS_PYTHON_LXML = spawnSync(PYTHON, ['-c', 'import lxml, arrow']).status === 0;

/** The fields of Superdesk's ingested item that these tests read. */
interface Ingested {
  guid: string;
  uri: string;
  type: string;
  pubstatus: string;
  versioncreated: string;
  firstcreated: string;
  headline: string;
  byline?: string;
  body_html?: string;
  word_count?: number;
  description_text?: string;
  authors: { name: string }[];
  renditions?: Record<string, { href: string; mimetype: string; sizeinbytes: number }>;
  groups?: {
    id: string;
    role: string;
    refs: { residRef: string; itemClass: string; headline?: string }[];
  }[];
}

describe.skipIf(!HAS_PYTHON_LXML)('Superdesk’s NewsML-G2 parser on newsml.xml', () => {
  const m = seedManifest();
  const guids = newsMlGuids(m);
  let dir = '';
  let items: Ingested[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'captiondesk-superdesk-'));
    writeFileSync(join(dir, 'newsml.xml'), renderNewsMl(m));
    const r = spawnSync(PYTHON, ['-B', RUNNER, join(dir, 'newsml.xml')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    items = JSON.parse(r.stdout) as Ingested[];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ingests the package, the text and every picture, usable and dated in UTC', () => {
    expect(items.map((i) => i.type)).toEqual([
      'composite',
      'text',
      ...m.photos.map(() => 'picture'),
    ]);
    for (const i of items) {
      expect(i.pubstatus).toBe('usable');
      // 17:00 at +07:00 on the seed's createdAt.
      expect(i.versioncreated).toBe('2024-12-26T10:00:00+00:00');
      expect(i.firstcreated).toBe('2024-12-26T10:00:00+00:00');
    }
  });

  it('reads the text item: headline, byline, the sapo leading the body, and a word count', () => {
    const text = items[1]!;
    expect(text.uri).toBe(guids.text);
    expect(text.headline).toBe(m.article.headline);
    expect(text.byline).toBe(SEED_BYLINE);
    expect(text.authors.map((a) => a.name)).toEqual([SEED_BYLINE]);
    const paragraphs = m.article.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(paragraphs.length).toBeGreaterThan(3);
    expect(text.body_html).toBe(
      [m.article.sapo, ...paragraphs].map((p) => `<p>${p}</p>`).join('\n'),
    );
    expect(text.word_count).toBe(wordCount([m.article.sapo, ...paragraphs]));
  });

  it('reads each picture: caption, byline, and the file as a rendition', () => {
    const byGuid = new Map(items.map((i) => [i.uri, i]));
    for (const photo of m.photos) {
      const p = byGuid.get(guids.pictures.get(photo.id)!)!;
      expect(p.type).toBe('picture');
      expect(p.description_text).toBe(photo.caption);
      expect(p.authors.map((a) => a.name)).toEqual([photo.byline]);
      expect(p.headline).toContain(m.article.headline);
      expect(p.renditions).toEqual({
        web: expect.objectContaining({
          href: photo.file,
          mimetype: 'image/jpeg',
          sizeinbytes: photo.bytes,
        }) as unknown,
      });
    }
  });

  it('reads the package’s references in article order, each with a headline', () => {
    const pkg = items[0]!;
    expect(pkg.uri).toBe(guids.package);
    expect(pkg.groups).toHaveLength(1);
    const refs = pkg.groups![0]!.refs;
    const versioned = (guid: string) => `${guid}:${m.version}`;
    expect(refs.map((r) => r.residRef)).toEqual(items.slice(1).map((i) => versioned(i.uri)));
    expect(refs[0]).toMatchObject({ itemClass: 'ninat:text', headline: m.article.headline });
    for (const r of refs.slice(1)) {
      expect(r.itemClass).toBe('ninat:picture');
      expect(r.headline).toMatch(/\(ảnh \d+\/9\)$/);
    }
  });

  it('fetches each photo from its absolute href when the export gives a baseUrl', () => {
    const base = 'https://desk.example.vn/packages/seed/';
    const file = join(dir, 'newsml-http.xml');
    writeFileSync(file, renderNewsMl(m, { baseUrl: base }));
    const r = spawnSync(PYTHON, ['-B', RUNNER, file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const ingested = (JSON.parse(r.stdout) as Ingested[]).filter((i) => i.type === 'picture');
    expect(ingested.map((i) => i.renditions!.web!.href).sort()).toEqual(
      m.photos.map((p) => `${base}${p.file}`).sort(),
    );
  });

  it('still takes the caption as the caption when alt text, extended description and source type follow', () => {
    const rich = accessible();
    const file = join(dir, 'newsml-photo-fields.xml');
    writeFileSync(file, renderNewsMl(rich));
    const r = spawnSync(PYTHON, ['-B', RUNNER, file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const byGuid = new Map((JSON.parse(r.stdout) as Ingested[]).map((i) => [i.uri, i]));
    const richGuids = newsMlGuids(rich);
    for (const photo of rich.photos) {
      const p = byGuid.get(richGuids.pictures.get(photo.id)!)!;
      expect(p.description_text).toBe(photo.caption);
      expect(p.authors.map((a) => a.name)).toEqual([photo.byline]);
    }
    expect(rich.photos[0]!.altText).toBe(ALT_TEXT);
  });
});
