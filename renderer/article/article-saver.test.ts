import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../electron/contract/api';
import { ArticleSaver } from './article-saver';

const article = (id: string, headline: string) =>
  ({ id, headline, body: [], updatedAt: '' }) as unknown as Article;

type Args = { folder: string; article: Article };

describe('ArticleSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves the newest version once, 600 ms after the last change', async () => {
    const save = vi.fn(async (a: Args) => a.article);
    const saver = new ArticleSaver(save);
    saver.schedule('/f', article('a', 'T'));
    await vi.advanceTimersByTimeAsync(400);
    saver.schedule('/f', article('a', 'Tít'));
    expect(saver.getStatus()).toEqual({ phase: 'saving' });
    await vi.advanceTimersByTimeAsync(599);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0].article.headline).toBe('Tít');
    expect(saver.getStatus()).toEqual({ phase: 'saved' });
  });

  it('writes the previous article at once when another one is edited', async () => {
    const saved: string[] = [];
    const saver = new ArticleSaver(async (a: Args) => a.article);
    saver.onSaved((_f, a) => saved.push(`${a.id}:${a.headline}`));
    saver.schedule('/f', article('a', 'one'));
    saver.schedule('/f', article('b', 'two'));
    await saver.flush();
    expect(saved).toEqual(['a:one', 'b:two']);
  });

  it('keeps a failed save and retries it on the next flush', async () => {
    let fail = true;
    const save = vi.fn(async (a: Args) => {
      if (fail) throw new Error('disk full');
      return a.article;
    });
    const saver = new ArticleSaver(save);
    saver.schedule('/f', article('a', 'x'));
    await saver.flush();
    expect(saver.getStatus()).toEqual({
      phase: 'failed',
      failure: { code: null, params: {}, message: 'disk full' },
    });
    expect(saver.hasUnsaved()).toBe(true);
    fail = false;
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(2);
    expect(saver.getStatus()).toEqual({ phase: 'saved' });
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('never writes an article after it was discarded (deleted)', async () => {
    const save = vi.fn(async (a: Args) => a.article);
    const saver = new ArticleSaver(save);
    saver.schedule('/f', article('a', 'x'));
    await saver.discard('a');
    await vi.advanceTimersByTimeAsync(1000);
    await saver.flush();
    expect(save).not.toHaveBeenCalled();
  });

  it('sends every version at once and reports only the newest answer', async () => {
    // The core runs an article's saves in call order (dispatch); answers may come back
    // in any order over HTTP.
    const answers: (() => void)[] = [];
    const save = vi.fn(
      (a: Args) => new Promise<Article>((resolve) => answers.push(() => resolve(a.article))),
    );
    const saved: string[] = [];
    const saver = new ArticleSaver(save);
    saver.onSaved((_f, a) => saved.push(a.headline));
    saver.schedule('/f', article('a', 'old'));
    const first = saver.flush();
    saver.schedule('/f', article('a', 'new'));
    const second = saver.flush();
    expect(save.mock.calls.map(([a]) => a.article.headline)).toEqual(['old', 'new']);
    expect(saver.hasUnsaved()).toBe(true);
    for (const answer of answers.reverse()) answer();
    await Promise.all([first, second]);
    expect(saved).toEqual(['new']);
    expect(saver.getStatus()).toEqual({ phase: 'saved' });
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('does not retry an older version that failed once a newer one is sent', async () => {
    const save = vi.fn(async (a: Args) => {
      if (a.article.headline === 'old') throw new Error('disk full');
      return a.article;
    });
    const saver = new ArticleSaver(save);
    saver.schedule('/f', article('a', 'old'));
    const first = saver.flush();
    saver.schedule('/f', article('a', 'new'));
    await Promise.all([first, saver.flush()]);
    await saver.flush();
    expect(save.mock.calls.map(([a]) => a.article.headline)).toEqual(['old', 'new']);
    expect(saver.getStatus()).toEqual({ phase: 'saved' });
  });
});
