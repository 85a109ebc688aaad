import { afterEach, describe, expect, it } from 'vitest';
import { contract, methodNames, type ApiEvent } from '../../contract/api';
import { fixtureCore } from '../../../test/helpers/fixture-core';
import { announcedMethods } from './write-events';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** Runs a call and returns its answer with the events sent before it answered. */
async function withEvents<T>(events: ApiEvent[], call: () => Promise<T>) {
  const from = events.length;
  const result = await call();
  return { result, sent: events.slice(from) };
}

describe('the core announces its writes with their data', () => {
  it('covers every write of articles, templates, code lists, settings and the event', () => {
    const announced = methodNames.filter((m) => {
      const w = contract[m].access.writes;
      return w === 'article' || w === 'templates' || w === 'codeLists' || w === 'settings';
    });
    for (const m of [...announced, 'saveEvent' as const])
      expect(announcedMethods.has(m), m).toBe(true);
  });

  it('articles: created, saved and deleted, each before the call answers', async () => {
    const { dir, core, events } = await fixtureCore(
      (fn) => cleanup.push(fn),
      ['canon-eos1000d-orient6.jpg'],
    );
    const { folder } = await core.api.openFolder({ path: dir });
    const created = await withEvents(events, () =>
      core.api.createArticle({ folder: folder.path, headline: 'Lũ ở miền Trung' }),
    );
    expect(created.sent).toContainEqual({
      type: 'articleChanged',
      folder: folder.path,
      id: created.result.id,
      article: created.result,
    });
    const saved = await withEvents(events, () =>
      core.api.saveArticle({
        folder: `${folder.path}/`,
        article: { ...created.result, sapo: 'Nước lên nhanh.' },
      }),
    );
    const news = saved.sent.find((e) => e.type === 'articleChanged');
    // Named by the folder the UI opened, however the caller spelled it.
    expect(news).toMatchObject({ folder: folder.path, id: created.result.id });
    expect(news?.type === 'articleChanged' && news.article?.sapo).toBe('Nước lên nhanh.');
    expect(news?.type === 'articleChanged' && news.article).toEqual(saved.result);
    const deleted = await withEvents(events, () =>
      core.api.deleteArticle({ folder: folder.path, id: created.result.id }),
    );
    expect(deleted.sent).toContainEqual({
      type: 'articleChanged',
      folder: folder.path,
      id: created.result.id,
      article: null,
    });
  });

  it('the event template, settings, templates and code lists', async () => {
    const { dir, core, events } = await fixtureCore(
      (fn) => cleanup.push(fn),
      ['canon-eos1000d-orient6.jpg'],
    );
    const { folder } = await core.api.openFolder({ path: dir });
    const event = await core.api.getEvent({ folder: folder.path });
    const next = { ...event, template: { ...event.template, event: 'Hội nghị' } };
    const ev = await withEvents(events, () =>
      core.api.saveEvent({ folder: folder.path, event: next }),
    );
    expect(ev.sent).toContainEqual({
      type: 'eventChanged',
      folder: folder.path,
      event: ev.result.event,
    });
    expect(ev.result.event.template.event).toBe('Hội nghị');

    const st = await withEvents(events, () =>
      core.api.saveSettings({ settings: { sidecarNaming: 'withExtension' } }),
    );
    expect(st.sent).toContainEqual({
      type: 'settingsChanged',
      settings: { sidecarNaming: 'withExtension' },
    });

    const tp = await withEvents(events, () =>
      core.api.saveTemplate({ name: 'Bóng đá', template: next.template }),
    );
    expect(tp.sent).toContainEqual({ type: 'templatesChanged', names: ['Bóng đá'] });
    const gone = await withEvents(events, () => core.api.deleteTemplate({ name: 'Bóng đá' }));
    expect(gone.sent).toContainEqual({ type: 'templatesChanged', names: [] });

    const cl = await withEvents(events, () =>
      core.api.importCodeList({ name: 'Cầu thủ', text: 'cr7\tCristiano Ronaldo\n' }),
    );
    const lists = cl.sent.find((e) => e.type === 'codeListsChanged');
    expect(lists).toEqual({ type: 'codeListsChanged', ...(await core.api.codeReplacements({})) });
    expect(lists?.type === 'codeListsChanged' && lists.entries).toContainEqual({
      code: 'cr7',
      columns: ['Cristiano Ronaldo'],
    });
  });
});
