import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Photo } from '../../electron/contract/api';
import { Autosaver } from './autosaver';

// Only what the autosaver reads; the rest of a Photo does not matter here.
const photo = (file: string, caption: string) => ({ file, caption, captionOwn: caption }) as Photo;

type Args = { folder: string; file: string; text: string; expected?: string | null };

describe('Autosaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once, 500 ms after the last keystroke', async () => {
    const setCaption = vi.fn(async (a: Args) => photo(a.file, a.text));
    const saver = new Autosaver(setCaption);
    saver.schedule('/f', 'a.jpg', 'P');
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule('/f', 'a.jpg', 'Ph');
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule('/f', 'a.jpg', 'Phó');
    expect(saver.statusOf('/f', 'a.jpg')).toEqual({ phase: 'saving' });
    await vi.advanceTimersByTimeAsync(500);
    expect(setCaption).toHaveBeenCalledTimes(1);
    expect(setCaption).toHaveBeenCalledWith({ folder: '/f', file: 'a.jpg', text: 'Phó' });
    expect(saver.statusOf('/f', 'a.jpg')).toEqual({ phase: 'saved' });
  });

  it('sends the text each save replaces, so a change made elsewhere is not overwritten', async () => {
    const setCaption = vi.fn(async (a: Args) => photo(a.file, a.text));
    const saver = new Autosaver(setCaption);
    saver.begin('/f', 'a.jpg', null);
    saver.schedule('/f', 'a.jpg', 'một');
    await saver.flush();
    saver.schedule('/f', 'a.jpg', 'hai');
    await saver.flush();
    expect(setCaption.mock.calls.map(([a]) => a.expected)).toEqual([null, 'một']);
    expect(saver.statusOf('/f', 'a.jpg')).toEqual({ phase: 'saved' });
  });

  it('flushes the previous photo when another one is edited', async () => {
    const setCaption = vi.fn(async (a: Args) => photo(a.file, a.text));
    const saved: string[] = [];
    const saver = new Autosaver(setCaption);
    saver.onSaved((_folder, p) => saved.push(`${p.file}=${p.caption}`));
    saver.schedule('/f', 'a.jpg', 'one');
    saver.schedule('/f', 'b.jpg', 'two');
    await saver.flush();
    expect(saved).toEqual(['a.jpg=one', 'b.jpg=two']);
  });

  it('reports a failure and retries it on the next flush', async () => {
    let fail = true;
    const setCaption = vi.fn(async (a: Args) => {
      if (fail) throw new Error('disk full');
      return photo(a.file, a.text);
    });
    const saver = new Autosaver(setCaption);
    saver.schedule('/f', 'a.jpg', 'text');
    await saver.flush();
    expect(saver.statusOf('/f', 'a.jpg')).toEqual({
      phase: 'failed',
      failure: { code: null, params: {}, message: 'disk full' },
    });
    fail = false;
    await saver.flush();
    expect(setCaption).toHaveBeenCalledTimes(2);
    expect(saver.statusOf('/f', 'a.jpg')).toEqual({ phase: 'saved' });
  });

  it('keeps a refused text without retrying it, and keeps checking until the user chooses', async () => {
    // The core's code for it: its kind, conflict, is what the saver acts on.
    const conflict = Object.assign(new Error('changed elsewhere'), {
      code: 'caption-conflict',
      params: { file: 'a.jpg' },
    });
    let sidecar: string | null = 'theirs';
    const setCaption = vi.fn(async (a: Args) => {
      if (a.expected !== undefined && (a.expected ?? null) !== sidecar) throw conflict;
      sidecar = a.text;
      return photo(a.file, a.text);
    });
    const saver = new Autosaver(setCaption);
    saver.begin('/f', 'a.jpg', 'cũ');
    saver.schedule('/f', 'a.jpg', 'mới');
    await saver.flush();
    expect(saver.statusOf('/f', 'a.jpg')).toEqual({
      phase: 'conflict',
      failure: {
        code: 'caption-conflict',
        params: { file: 'a.jpg' },
        message: 'changed elsewhere',
      },
    });
    expect(saver.unsavedText('/f', 'a.jpg')).toBe('mới');
    await saver.flush();
    expect(setCaption).toHaveBeenCalledTimes(1);
    // Typing on does not overwrite theirs either.
    saver.schedule('/f', 'a.jpg', 'mới hơn');
    await saver.flush();
    expect(saver.statusOf('/f', 'a.jpg').phase).toBe('conflict');
    expect(sidecar).toBe('theirs');
    // "Keep mine" saves over the text the user has now seen.
    await saver.keepMine('/f', 'a.jpg', 'theirs', 'mới hơn');
    expect(setCaption).toHaveBeenLastCalledWith({
      folder: '/f',
      file: 'a.jpg',
      text: 'mới hơn',
      expected: 'theirs',
    });
    expect(sidecar).toBe('mới hơn');
    expect(saver.statusOf('/f', 'a.jpg')).toEqual({ phase: 'saved' });
  });

  it('"take theirs" drops the unsaved text and saves the next edit over theirs', async () => {
    const setCaption = vi.fn(async (a: Args) => photo(a.file, a.text));
    const saver = new Autosaver(setCaption);
    saver.begin('/f', 'a.jpg', 'cũ');
    saver.schedule('/f', 'a.jpg', 'của tôi');
    saver.takeTheirs('/f', 'a.jpg', 'của họ');
    await vi.advanceTimersByTimeAsync(1000);
    expect(setCaption).not.toHaveBeenCalled();
    expect(saver.unsavedText('/f', 'a.jpg')).toBeNull();
    saver.schedule('/f', 'a.jpg', 'của họ, sửa');
    await saver.flush();
    expect(setCaption).toHaveBeenCalledWith({
      folder: '/f',
      file: 'a.jpg',
      text: 'của họ, sửa',
      expected: 'của họ',
    });
  });

  it('says while typed text is on its way, and whether text was typed here', async () => {
    const conflict = Object.assign(new Error('changed elsewhere'), { code: 'conflict' });
    let answer: (() => void) | undefined;
    let refuse = false;
    const setCaption = vi.fn(async (a: Args) => {
      await new Promise<void>((r) => (answer = r));
      if (refuse) throw conflict;
      return photo(a.file, a.text);
    });
    const saver = new Autosaver(setCaption);
    saver.begin('/f', 'a.jpg', 'gốc');
    expect(saver.isSaving('/f', 'a.jpg')).toBe(false);
    saver.schedule('/f', 'a.jpg', 'một');
    // Waiting for the debounce, then sent: either way the editor's text is the newer.
    expect(saver.isSaving('/f', 'a.jpg')).toBe(true);
    const saving = saver.flush();
    expect(saver.isSaving('/f', 'a.jpg')).toBe(true);
    answer?.();
    await saving;
    expect(saver.isSaving('/f', 'a.jpg')).toBe(false);
    // Saved, but typed here: a change from elsewhere is the user's choice.
    expect(saver.hasTyped('/f', 'a.jpg')).toBe(true);
    saver.begin('/f', 'a.jpg', 'một');
    expect(saver.hasTyped('/f', 'a.jpg')).toBe(false);
    refuse = true;
    saver.schedule('/f', 'a.jpg', 'một hai');
    const refused = saver.flush();
    answer?.();
    await refused;
    expect(saver.isSaving('/f', 'a.jpg')).toBe(false);
    expect(saver.hasTyped('/f', 'a.jpg')).toBe(true);
    // A reopened editor does not forget text the folder refused.
    saver.begin('/f', 'a.jpg', 'một');
    expect(saver.hasTyped('/f', 'a.jpg')).toBe(true);
    saver.takeTheirs('/f', 'a.jpg', 'của họ');
    expect(saver.hasTyped('/f', 'a.jpg')).toBe(false);
    expect(saver.isSaving('/f', 'b.jpg')).toBe(false);
  });

  it('hands a reopened editor the text that is still unsaved', async () => {
    const setCaption = vi.fn(async () => {
      throw new Error('disk full');
    });
    const saver = new Autosaver(setCaption);
    saver.schedule('/f', 'a.jpg', 'chưa lưu');
    expect(saver.unsavedText('/f', 'a.jpg')).toBe('chưa lưu');
    await saver.flush();
    expect(saver.unsavedText('/f', 'a.jpg')).toBe('chưa lưu');
    expect(saver.unsavedText('/f', 'b.jpg')).toBeNull();
  });

  it('sends every save at once, each expecting the text of the one before it', async () => {
    // The core runs a folder's writes in call order (dispatch); here, a core that checks
    // `expected` as the real one does and answers in reverse order.
    let sidecar: string | null = 'gốc';
    const answers: (() => void)[] = [];
    const setCaption = vi.fn((a: Args) => {
      const ok = a.expected === undefined || (a.expected ?? null) === sidecar;
      if (ok) sidecar = a.text;
      return new Promise<Photo>((resolve, reject) =>
        answers.push(() =>
          ok
            ? resolve(photo(a.file, a.text))
            : reject(Object.assign(new Error('x'), { code: 'conflict' })),
        ),
      );
    });
    const saved: string[] = [];
    const saver = new Autosaver(setCaption);
    saver.onSaved((_f, p) => saved.push(p.caption!));
    saver.begin('/f', 'a.jpg', 'gốc');
    saver.schedule('/f', 'a.jpg', 'old');
    const first = saver.flush();
    saver.schedule('/f', 'a.jpg', 'new');
    const second = saver.flush();
    // Both are on their way before either has answered: no queue in the editor.
    expect(setCaption.mock.calls.map(([a]) => [a.text, a.expected])).toEqual([
      ['old', 'gốc'],
      ['new', 'old'],
    ]);
    for (const answer of answers.reverse()) answer();
    await Promise.all([first, second]);
    expect(sidecar).toBe('new');
    expect(saver.statusOf('/f', 'a.jpg')).toEqual({ phase: 'saved' });
    // Only the newest answer is reported: an older one must not win in the store.
    expect(saved).toEqual(['new']);
  });

  it('a save that failed while the next was on its way is retried, not shown as a conflict', async () => {
    let sidecar: string | null = 'gốc';
    let diskFull = true;
    const setCaption = vi.fn(async (a: Args) => {
      if (a.text === 'một' && diskFull) throw new Error('disk full');
      if (a.expected !== undefined && (a.expected ?? null) !== sidecar)
        throw Object.assign(new Error('changed elsewhere'), { code: 'conflict' });
      sidecar = a.text;
      return photo(a.file, a.text);
    });
    const saver = new Autosaver(setCaption);
    saver.begin('/f', 'a.jpg', 'gốc');
    saver.schedule('/f', 'a.jpg', 'một');
    const first = saver.flush();
    saver.schedule('/f', 'a.jpg', 'một hai');
    await Promise.all([first, saver.flush()]);
    expect(saver.statusOf('/f', 'a.jpg')).toEqual({
      phase: 'failed',
      failure: { code: 'conflict', params: {}, message: 'changed elsewhere' },
    });
    diskFull = false;
    await saver.flush();
    expect(setCaption).toHaveBeenLastCalledWith({
      folder: '/f',
      file: 'a.jpg',
      text: 'một hai',
      expected: 'gốc',
    });
    expect(sidecar).toBe('một hai');
    expect(saver.statusOf('/f', 'a.jpg')).toEqual({ phase: 'saved' });
  });
});
