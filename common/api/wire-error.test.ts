import { describe, expect, it } from 'vitest';
import { decodeWireError, encodeWireError } from './wire-error';

describe('wire errors across the context bridge', () => {
  it('round-trips code and a multi-line Vietnamese message', () => {
    const e = {
      code: 'conflict',
      message: 'DSC-2409.JPG: chú thích đã bị sửa ở nơi khác\nnow: "x"',
    };
    expect(decodeWireError(encodeWireError(e))).toEqual(e);
  });
  it('leaves other messages alone', () => {
    expect(decodeWireError('Error invoking remote method')).toBeNull();
  });
});

describe('wire errors carry their params', () => {
  it('round-trips params holding brackets, spaces and Vietnamese', () => {
    const e = {
      code: 'caption-conflict',
      message: 'DSC 2409].JPG: changed elsewhere',
      params: { file: 'Ảnh [1] ].JPG', limit: 2000 },
    };
    expect(decodeWireError(encodeWireError(e))).toEqual(e);
  });
  it('drops params it cannot read rather than the error', () => {
    expect(decodeWireError('[captiondesk:io:%7Bnot-json] broke')).toEqual({
      code: 'io',
      message: 'broke',
    });
  });
});
