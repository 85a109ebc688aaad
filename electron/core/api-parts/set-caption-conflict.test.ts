import { afterEach, describe, expect, it } from 'vitest';
import { fixtureCore } from '../../../test/helpers/fixture-core';
import { writeSidecar } from '../metadata/sidecar';
import { captionChanges } from '../metadata/sidecar-changes';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const FILE = 'canon-eos1000d-orient6.jpg';

describe('setCaption with the caption it expects to replace', () => {
  it('refuses when another program wrote the sidecar, even before the watcher has told', async () => {
    const { dir, core, events } = await fixtureCore((fn) => cleanup.push(fn), [FILE]);
    const { folder } = await core.api.openFolder({ path: dir });
    await core.api.setCaption({ folder: folder.path, file: FILE, text: 'Của tôi', expected: null });
    // Photo Mechanic saves its caption; the next save from the editor follows at once.
    await writeSidecar(dir, FILE, captionChanges('Của họ', 'Của họ'));
    const from = events.length;
    const refused = core.api.setCaption({
      folder: folder.path,
      file: FILE,
      text: 'Của tôi, sửa',
      expected: 'Của tôi',
    });
    await expect(refused).rejects.toMatchObject({ code: 'caption-conflict' });
    // Their text is kept, and the news of it goes to every window.
    const details = await core.api.photoDetails({ folder: folder.path, file: FILE });
    expect(details.captionOwn).toBe('Của họ');
    const news = events
      .slice(from)
      .flatMap((e) => (e.type === 'photosChanged' ? e.photos : []))
      .filter((p) => p.file === FILE);
    expect(news.at(-1)?.captionOwn).toBe('Của họ');
  });

  it('saves over the caption it expected', async () => {
    const { dir, core } = await fixtureCore((fn) => cleanup.push(fn), [FILE]);
    const { folder } = await core.api.openFolder({ path: dir });
    await core.api.setCaption({ folder: folder.path, file: FILE, text: 'Một', expected: null });
    const p = await core.api.setCaption({
      folder: folder.path,
      file: FILE,
      text: 'Hai',
      expected: 'Một',
    });
    expect(p.captionOwn).toBe('Hai');
  });
});
