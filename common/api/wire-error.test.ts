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
