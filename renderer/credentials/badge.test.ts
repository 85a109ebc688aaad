import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../electron/contract/credentials';
import { failureOf } from '../api/errors';
import { vi as viMessages } from '../i18n/vi';
import { badgeOf, badgeText } from './badge';
import { actionName, problemText } from './describe';
import { testVerdict } from './test-verdict';

const m = viMessages;
const verdict = (over: Partial<Credentials>): Credentials =>
  testVerdict({
    manifest: 'urn:c2pa:1',
    signer: { name: 'Phóng viên Lê Đức', organization: 'Báo Lào Cai', issuer: 'CA', serial: '1' },
    ...over,
  });

describe('the Content Credentials badge', () => {
  it('is absent without a manifest store, grey while checking, then the verdict', () => {
    expect(badgeOf(false, undefined, undefined)).toBeNull();
    expect(badgeOf(true, undefined, undefined)).toBe('pending');
    expect(badgeOf(true, undefined, failureOf(new Error('core gone')))).toBe('failed');
    expect(badgeOf(true, verdict({ state: 'revoked' }), undefined)).toBe('revoked');
    expect(badgeOf(true, verdict({ state: 'none' }), undefined)).toBeNull();
    expect(badgeOf(true, verdict({ state: 'none', error: 'EACCES' }), undefined)).toBe('failed');
  });

  it('names the signer in its text, and says a broken one plainly', () => {
    expect(badgeText(m, 'trusted', verdict({}), undefined)).toBe(
      'Content Credentials hợp lệ, người ký tin cậy: Phóng viên Lê Đức, Báo Lào Cai',
    );
    expect(badgeText(m, 'untrusted', verdict({ signer: null }), undefined)).toBe(
      'Content Credentials hợp lệ, người ký chưa được tin cậy: không rõ tên',
    );
    expect(badgeText(m, 'broken', verdict({ state: 'broken' }), undefined)).toContain(
      'ảnh đã bị thay đổi sau khi ký, hoặc manifest hỏng',
    );
  });

  it('says the actions as a desk does, and keeps unknown codes', () => {
    expect(actionName(m, 'c2pa.created')).toBe('Chụp/tạo');
    expect(actionName(m, 'c2pa.edited.metadata')).toBe('Sửa siêu dữ liệu');
    expect(actionName(m, 'c2pa.color_adjustments')).toBe('c2pa.color_adjustments');
    expect(problemText(m, { code: 'assertion.dataHash.mismatch', explanation: 'x' })).toBe(
      'Dữ liệu ảnh không còn khớp mã băm đã ký.',
    );
    expect(problemText(m, { code: 'odd.code', explanation: null })).toBe('odd.code');
  });
});
