import { describe, expect, it } from 'vitest';
import {
  EMPTY_UNDO,
  previousMarks,
  pushStep,
  redoStep,
  undoStep,
  type MarkStep,
} from './undo-stack';

const step = (what: string, folder = '/f'): MarkStep => ({
  folder,
  what,
  before: [{ file: 'a.jpg', culling: { rating: null } }],
  after: [{ file: 'a.jpg', culling: { rating: 3 } }],
});

describe('undo stack of marks', () => {
  it('undoes the last step first, and redoes what was undone', () => {
    let s = pushStep(pushStep(EMPTY_UNDO, step('one')), step('two'));
    const u1 = undoStep(s, '/f');
    expect(u1?.step.what).toBe('two');
    s = u1!.stack;
    const u2 = undoStep(s, '/f');
    expect(u2?.step.what).toBe('one');
    s = u2!.stack;
    expect(undoStep(s, '/f')).toBeNull();
    const r1 = redoStep(s, '/f');
    expect(r1?.step.what).toBe('one');
    s = r1!.stack;
    expect(redoStep(s, '/f')?.step.what).toBe('two');
  });

  it('forgets the redo steps once a new mark is made', () => {
    let s = pushStep(pushStep(EMPTY_UNDO, step('one')), step('two'));
    s = undoStep(s, '/f')!.stack;
    s = pushStep(s, step('three'));
    expect(redoStep(s, '/f')).toBeNull();
    expect(undoStep(s, '/f')?.step.what).toBe('three');
  });

  it('does not undo a step of another folder', () => {
    const s = pushStep(EMPTY_UNDO, step('there', '/other'));
    expect(undoStep(s, '/f')).toBeNull();
    expect(undoStep(s, '/other')?.step.what).toBe('there');
  });

  it('keeps at most a hundred steps', () => {
    let s = EMPTY_UNDO;
    for (let i = 0; i < 150; i++) s = pushStep(s, step(String(i)));
    expect(s.done.length).toBe(100);
    expect(s.done[0]?.what).toBe('50');
  });

  it('remembers exactly the marks a change overwrites', () => {
    const photo = { rating: -1, label: 'Red', colorClass: 1, pick: false };
    expect(previousMarks(photo, { rating: 3 })).toEqual({ rating: -1 });
    expect(previousMarks(photo, { pick: true, rating: null })).toEqual({ pick: false, rating: -1 });
    expect(
      previousMarks({ ...photo, label: null, colorClass: null }, { label: 'Blue', colorClass: 4 }),
    ).toEqual({
      label: null,
      colorClass: null,
    });
  });
});
