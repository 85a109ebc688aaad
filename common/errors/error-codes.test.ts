import { describe, expect, it } from 'vitest';
import { codeForErrno } from './errno';
import { codesWithDetail, errorCodes, errorKinds, isErrorCode, kindOf } from './error-codes';

describe('the error catalog', () => {
  it('lists each code once, each with its kind', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
    for (const code of errorCodes) expect(kindOf(code)).toBe(errorKinds[code]);
    for (const code of codesWithDetail) expect(isErrorCode(code)).toBe(true);
  });

  it('keeps the old coarse codes as their own kinds, and treats an unknown code as io', () => {
    for (const code of ['invalid-args', 'not-found', 'forbidden', 'io', 'conflict'] as const)
      expect(kindOf(code)).toBe(code);
    expect(kindOf('caption-conflict')).toBe('conflict');
    expect(kindOf('from-a-newer-core')).toBe('io');
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('codeForErrno', () => {
  it('maps the errors a user can act on, in one place', () => {
    expect(codeForErrno('ENOSPC')).toBe('disk-full');
    expect(codeForErrno('EDQUOT')).toBe('disk-full');
    expect(codeForErrno('EACCES')).toBe('permission-denied');
    expect(codeForErrno('EPERM')).toBe('permission-denied');
    expect(codeForErrno('EROFS')).toBe('read-only');
    expect(codeForErrno('ENOENT')).toBe('file-not-found');
    expect(codeForErrno('EBUSY')).toBe('file-busy');
    for (const other of ['EIO', 'constructor', undefined, 28])
      expect(codeForErrno(other)).toBeNull();
    for (const errno of ['ENOSPC', 'EACCES', 'EROFS', 'ENOENT'])
      expect(isErrorCode(codeForErrno(errno))).toBe(true);
  });
});
