import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  errorCodes,
  zipRefusals,
  type ErrorCode,
  type ErrorParams,
} from '../../common/errors/error-codes';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import { describeError, explainError } from './describe-error';
import { ErrorLines } from './ErrorLines';
import type { ErrorTexts } from './error-texts';

/** Every param a code may name, with a value, so no text can print "undefined". */
const SAMPLE = {
  path: '/the/dir',
  file: 'DSC_0001.JPG',
  folder: '/the/dir',
  name: 'mau-1',
  id: 'a-1',
  member: 'photos/x.jpg',
  method: 'frobnicate',
  reason: 'unsafe-name',
  entry: '../evil',
  version: 3,
  variables: '{foo}',
  what: 'CERTIFICATE',
} as const;

/** Words that would show an English sentence inside a Vietnamese one. */
const ENGLISH =
  /\b(the|is|not|cannot|could|does|was|file|folder|photo|package|failed|error|no|has|already)\b/i;

describe('error texts', () => {
  it('are typed so that a table missing a code does not compile', () => {
    // @ts-expect-error -- every code of the catalog must have its sentence.
    const partial: ErrorTexts = { unknown: () => 'x' };
    expect(Object.keys(partial)).toHaveLength(1);
  });

  it('say every code in Vietnamese and in English, with its params', () => {
    for (const code of errorCodes) {
      const sayVi = vi.errorTexts[code] as (p: ErrorParams[ErrorCode]) => string;
      const sayEn = en.errorTexts[code] as (p: ErrorParams[ErrorCode]) => string;
      expect(typeof sayVi, code).toBe('function');
      expect(typeof sayEn, code).toBe('function');
      const textVi = sayVi(SAMPLE as never);
      const textEn = sayEn(SAMPLE as never);
      expect(textVi.length, code).toBeGreaterThan(8);
      expect(textEn.length, code).toBeGreaterThan(8);
      expect(textVi, code).not.toMatch(/undefined|\[object/);
      expect(textEn, code).not.toMatch(/undefined|\[object/);
      expect(textVi, code).not.toBe(textEn);
      // Params are file names and paths; the words around them must be Vietnamese.
      expect(
        textVi.replace(/\/the\/dir|DSC_0001\.JPG|photos\/x\.jpg|\.\.\/evil/g, ''),
        code,
      ).not.toMatch(ENGLISH);
    }
  });

  it('say every reason a zip is refused, in both languages', () => {
    for (const reason of zipRefusals) {
      const textVi = vi.errorTexts['zip-refused']({ reason });
      const textEn = en.errorTexts['zip-refused']({ reason });
      expect(textVi).not.toMatch(ENGLISH);
      expect(textEn).toMatch(/refused/);
      expect(textVi).not.toBe(
        vi.errorTexts['zip-refused']({ reason: 'damaged' === reason ? 'not-a-zip' : 'damaged' }),
      );
    }
  });
});

describe('describeError', () => {
  const notFound = {
    name: 'TransportError',
    code: 'folder-not-found',
    params: { path: '/khong/co' },
    message: 'Cannot open folder /khong/co: it does not exist',
  };

  it('says a coded error in the UI language, with no English in the Vietnamese', () => {
    expect(describeError(notFound, vi)).toBe('Không tìm thấy thư mục /khong/co.');
    expect(describeError(notFound, en)).toBe('The folder /khong/co does not exist.');
  });

  it('puts the English detail of a general code on a line of its own', () => {
    const e = { code: 'io', message: 'EIO: i/o error, read' };
    expect(explainError(e, vi)).toEqual({
      text: 'Thao tác không thành công.',
      detail: 'EIO: i/o error, read',
    });
    expect(describeError(e, vi)).toBe('Thao tác không thành công.\nEIO: i/o error, read');
  });

  it('falls back to a generic sentence for a code this build does not know, or none', () => {
    const newer = { code: 'quantum-flux', message: 'The flux capacitor failed' };
    expect(explainError(newer, vi)).toEqual({
      text: vi.errorTexts.unknown({}),
      detail: 'The flux capacitor failed',
    });
    expect(explainError(new TypeError('Failed to fetch'), vi)).toEqual({
      text: 'Đã xảy ra lỗi không xác định.',
      detail: 'Failed to fetch',
    });
    expect(explainError('boom', en).text).toBe('Something went wrong.');
  });

  it('reads a code alone, and a per-file entry with its English text under `error`', () => {
    expect(describeError('package-busy', vi)).toBe('Bài này đang được đóng gói.');
    const entry = {
      file: 'x.jpg',
      error: 'x.jpg: the JPEG ends inside marker 0xc4',
      code: 'jpeg-broken',
      params: { file: 'x.jpg' },
    };
    expect(describeError(entry, vi)).toBe('Tệp JPEG x.jpg bị hỏng.');
  });

  it('never prints "undefined" for a missing param', () => {
    expect(describeError({ code: 'disk-full' }, vi)).toBe('Hết dung lượng ổ đĩa khi ghi ….');
  });

  it('lets the outbox say its own reasons', () => {
    const text = describeError({ code: 'outbox-failed', params: { reason: 'auth-failed' } }, vi);
    expect(text).toBe(vi.errAuthFailed);
    expect(describeError({ code: 'outbox-failed', params: { reason: '??' } }, vi)).toBe(
      'Không gửi được gói.',
    );
  });
});

describe('<ErrorLines>', () => {
  it('shows the English detail on its own line, marked as English', () => {
    const html = renderToStaticMarkup(
      <ErrorLines text={'Thao tác không thành công.\nEIO: read'} />,
    );
    expect(html).toBe(
      'Thao tác không thành công.<br/><span class="error-detail" lang="en" data-testid="error-detail">EIO: read</span>',
    );
    expect(renderToStaticMarkup(<ErrorLines text="Một dòng." />)).toBe('Một dòng.');
  });
});
