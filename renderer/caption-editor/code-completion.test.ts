import { describe, expect, it } from 'vitest';
import { mergeCodeLists, parseCodeList } from '../../common/captioning/code-replacements';
import {
  acceptSuggestion,
  expandAtCaret,
  insertAt,
  pendingQuery,
  suggestionsFor,
} from './code-completion';
import { suggestionKey } from './suggestion-keys';

const codes = mergeCodeLists([
  parseCodeList(
    'hg\tPhó Bí thư Tỉnh ủy Hoàng Giang\tđồng chí Hoàng Giang\nlc\tLào Cai\ttỉnh Lào Cai\ntl\tẢnh: Tùng Lâm\n',
  ).entries,
]);

/** Type `typed` at the caret marked | in `text`, as the editor does after each keystroke. */
function typeAt(text: string) {
  const caret = text.indexOf('|');
  return { text: text.replace('|', ''), caret };
}

describe('code expansion at the caret', () => {
  it('expands =code= when the closing = is typed, keeping the rest of the text', () => {
    const { text, caret } = typeAt('Ông =hg=| phát biểu.');
    expect(expandAtCaret(text, caret, codes)).toEqual({
      text: 'Ông Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu.',
      caret: 'Ông Phó Bí thư Tỉnh ủy Hoàng Giang'.length,
    });
  });

  it('takes column n for =code#n=', () => {
    const { text, caret } = typeAt('Tại =lc#2=|');
    expect(expandAtCaret(text, caret, codes)?.text).toBe('Tại tỉnh Lào Cai');
  });

  it('leaves unknown codes, missing columns and text after the caret alone', () => {
    expect(expandAtCaret('a =zz=', 6, codes)).toBeNull();
    expect(expandAtCaret('=tl#3=', 6, codes)).toBeNull();
    expect(expandAtCaret('=hg= x', 6, codes)).toBeNull();
    // Codes are case-sensitive, as in Photo Mechanic.
    expect(expandAtCaret('=HG=', 4, codes)).toBeNull();
  });
});

describe('code suggestions', () => {
  it('offers a code from = and a few letters, ignoring marks: =hoang finds Hoàng Giang', () => {
    const { text, caret } = typeAt('Ông =hoang|');
    const pending = pendingQuery(text, caret);
    expect(pending).toEqual({ start: 4, query: 'hoang' });
    expect(suggestionsFor(codes, pending?.query ?? null).map((e) => e.code)).toEqual(['hg']);
  });

  it('searches names of up to three words, but not a sentence', () => {
    const { text, caret } = typeAt('=hoang giang|');
    expect(
      suggestionsFor(codes, pendingQuery(text, caret)?.query ?? null).map((e) => e.code),
    ).toEqual(['hg']);
    expect(pendingQuery('=một hai ba bốn', 15)).toBeNull();
    expect(pendingQuery('=hg ', 4)).toBeNull();
    expect(pendingQuery('a=b', 3)).toBeNull();
  });

  it('accepting replaces =query with the column, #n picking it', () => {
    const text = 'Ông =hoang và';
    const pending = { start: 4, query: 'hoang' };
    expect(acceptSuggestion(text, 10, pending, codes.get('hg')!)).toEqual({
      text: 'Ông Phó Bí thư Tỉnh ủy Hoàng Giang và',
      caret: 'Ông Phó Bí thư Tỉnh ủy Hoàng Giang'.length,
    });
    expect(acceptSuggestion('=lc#2', 5, { start: 0, query: 'lc#2' }, codes.get('lc')!).text).toBe(
      'tỉnh Lào Cai',
    );
  });

  it('inserts at the caret, replacing a selection', () => {
    expect(insertAt('Tại  ngày', 4, 4, '{city}')).toEqual({ text: 'Tại {city} ngày', caret: 10 });
    expect(insertAt('abcdef', 1, 3, 'X').text).toBe('aXdef');
  });
});

describe('suggestion list keys', () => {
  const none = { shift: false, ctrl: false, alt: false, meta: false };
  it('moves with ↑/↓ (wrapping), accepts with Enter or Tab, closes with Esc', () => {
    expect(suggestionKey('ArrowDown', none, 0, 3)).toEqual({ kind: 'move', index: 1 });
    expect(suggestionKey('ArrowDown', none, 2, 3)).toEqual({ kind: 'move', index: 0 });
    expect(suggestionKey('ArrowUp', none, 0, 3)).toEqual({ kind: 'move', index: 2 });
    expect(suggestionKey('Enter', none, 1, 3)).toEqual({ kind: 'accept', index: 1 });
    expect(suggestionKey('Tab', none, 2, 3)).toEqual({ kind: 'accept', index: 2 });
    expect(suggestionKey('Escape', none, 0, 3)).toEqual({ kind: 'close' });
  });

  it('leaves other keys, modified keys and an empty list to the editor', () => {
    expect(suggestionKey('a', none, 0, 3)).toBeNull();
    expect(suggestionKey('Enter', { ...none, ctrl: true }, 0, 3)).toBeNull();
    expect(suggestionKey('Tab', { ...none, shift: true }, 0, 3)).toBeNull();
    expect(suggestionKey('ArrowDown', none, 0, 0)).toBeNull();
  });
});
