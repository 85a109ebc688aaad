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

  it('tells its own texts from a change made elsewhere, and whether unsaved text is at stake', async () => {
    const setCaption = vi.fn(async (a: Args) => photo(a.file, a.text));
    const saver = new Autosaver(setCaption);
    saver.begin('/f', 'a.jpg', 'gốc');
    expect(saver.classify('/f', 'a.jpg', 'gốc')).toBe('own');
    expect(saver.classify('/f', 'a.jpg', 'của họ')).toBe('clean');
    saver.schedule('/f', 'a.jpg', 'một');
    expect(saver.classify('/f', 'a.jpg', 'của họ')).toBe('dirty');
    await saver.flush();
    saver.schedule('/f', 'a.jpg', 'một hai');
    const saving = saver.flush();
    // The core announces a save before it answers: news during the save is its echo
    // (someone else's write would make this save fail with a conflict instead).
    expect(saver.classify('/f', 'a.jpg', 'một hai')).toBe('own');
    await saving;
    // Once answered, the confirmed text is ours; anything else came from elsewhere, and
    // over text typed in this editor the user chooses, even though it is saved.
    expect(saver.classify('/f', 'a.jpg', 'một hai')).toBe('own');
    expect(saver.classify('/f', 'a.jpg', 'của họ')).toBe('dirty');
    saver.takeTheirs('/f', 'a.jpg', 'của họ');
    expect(saver.classify('/f', 'a.jpg', 'của họ')).toBe('own');
    expect(saver.classify('/f', 'a.jpg', 'lần nữa')).toBe('clean');
    expect(saver.classify('/f', 'b.jpg', null)).toBe('clean');
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

  it('never lets an older text land after a newer one', async () => {
    const order: string[] = [];
    let release: (() => void) | undefined;
    const setCaption = vi.fn(async (a: Args) => {
      if (a.text === 'old') await new Promise<void>((r) => (release = r));
      order.push(a.text);
      return photo(a.file, a.text);
    });
    const saver = new Autosaver(setCaption);
    saver.schedule('/f', 'a.jpg', 'old');
    const first = saver.flush();
    saver.schedule('/f', 'a.jpg', 'new');
    const second = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    release?.();
    await Promise.all([first, second]);
    expect(order).toEqual(['old', 'new']);
    expect(saver.statusOf('/f', 'a.jpg')).toEqual({ phase: 'saved' });
  });
});
