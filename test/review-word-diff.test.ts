import { describe, expect, it } from 'vitest';
import { diffWords, renderInline, tokenize } from '../electron/core/review/word-diff';

describe('word diff for Vietnamese text', () => {
  it('tokenizes into words, spaces and punctuation, in NFC', () => {
    expect(tokenize('Lào Cai, 26/12.')).toEqual([
      'Lào',
      ' ',
      'Cai',
      ',',
      ' ',
      '26',
      '/',
      '12',
      '.',
    ]);
    // "Lào" typed with a combining grave accent is the same word as the precomposed one.
    expect(tokenize('La\u0300o')).toEqual(['Lào']);
  });

  it('treats the same text in another normalisation form as unchanged', () => {
    const nfd = 'Phó Bí thư Tỉnh ủy'.normalize('NFD');
    expect(diffWords('Phó Bí thư Tỉnh ủy', nfd)).toEqual([
      { op: 'eq', text: 'Phó Bí thư Tỉnh ủy' },
    ]);
  });

  it('shows a changed diacritic as a changed word; neighbouring changes read as one', () => {
    expect(renderInline(diffWords('Tỉnh ủy Hoàng Giang', 'Tỉnh uỷ Hoàng Giang'))).toBe(
      'Tỉnh [-ủy-]{+uỷ+} Hoàng Giang',
    );
    expect(renderInline(diffWords('Tỉnh ủy Lào Cai', 'Tỉnh uỷ Lao Cai'))).toBe(
      'Tỉnh [-ủy Lào-]{+uỷ Lao+} Cai',
    );
  });

  it('groups neighbouring changed words, and shows punctuation changes on their own', () => {
    expect(renderInline(diffWords('đã biểu dương kết quả.', 'đã đánh giá cao kết quả!'))).toBe(
      'đã [-biểu dương-]{+đánh giá cao+} kết quả[-.-]{+!+}',
    );
    expect(renderInline(diffWords('', 'Mới.'))).toBe('{+Mới.+}');
    expect(renderInline(diffWords('Cũ.', ''))).toBe('[-Cũ.-]');
  });

  it('always rebuilds both texts from its parts', () => {
    const texts = [
      'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị.',
      'Phó Bí thư  Tỉnh uỷ, Hoàng Giang phát biểu chỉ đạo tại hội nghị!',
      'Toàn tỉnh hiện có hơn 46.000 công nhân, viên chức, lao động.',
      ' Tại hội nghị ',
      '',
    ];
    for (const a of texts)
      for (const b of texts) {
        const d = diffWords(a, b);
        const side = (op: string) =>
          d
            .filter((p) => p.op === 'eq' || p.op === op)
            .map((p) => p.text)
            .join('');
        expect(side('del'), `${a} → ${b}`).toBe(a);
        expect(side('ins'), `${a} → ${b}`).toBe(b);
        expect(d.every((p) => p.text !== '')).toBe(true);
      }
  });

  it('falls back to a whole replacement for texts too long to align', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const d = diffWords(`Đầu ${a} cuối`, `Đầu ${b} cuối`);
    expect(d.map((p) => p.op)).toEqual(['eq', 'del', 'ins', 'eq']);
    expect(d[0]!.text).toBe('Đầu ');
  });
});

describe('word diff of long texts', () => {
  it('shows a few edits in 5,000 words as those few edits, not as the text replaced whole', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `từ${i}`);
    const edited = [...words];
    edited[100] = 'Lào Cai';
    edited.splice(2500, 3);
    edited[4000] = 'uỷ'.normalize('NFD');
    const before = words.join(' ');
    const after = edited.join(' ');
    const d = diffWords(before, after);
    expect(d.filter((p) => p.op !== 'eq')).toEqual([
      { op: 'del', text: 'từ100' },
      { op: 'ins', text: 'Lào Cai' },
      { op: 'del', text: 'từ2500 từ2501 từ2502 ' },
      { op: 'del', text: 'từ4003' },
      { op: 'ins', text: 'uỷ' },
    ]);
    const side = (op: string) =>
      d
        .filter((p) => p.op === 'eq' || p.op === op)
        .map((p) => p.text)
        .join('');
    expect(side('del')).toBe(before);
    expect(side('ins')).toBe(after.normalize('NFC'));
  });
});
