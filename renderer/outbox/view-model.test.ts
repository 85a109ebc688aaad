import { describe, expect, it } from 'vitest';
import type { DestinationView, OutboxJobView } from '../../electron/contract/outbox';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import {
  emptyForm,
  errorText,
  formatEta,
  formOf,
  jobDisplay,
  pendingCount,
  saveArgsOf,
  sortJobs,
  type OutboxErrorCode,
} from './view-model';

/** Typed as a record so that a code added to the API and missing here fails to compile. */
const CODES: Record<OutboxErrorCode, true> = {
  'auth-failed': true,
  'host-key-unknown': true,
  'host-key-changed': true,
  'connection-refused': true,
  'host-not-found': true,
  timeout: true,
  'connection-lost': true,
  'disk-full': true,
  'permission-denied': true,
  'package-unreadable': true,
  'verify-failed': true,
  'missing-secret': true,
  'api-disabled': true,
  'too-large': true,
  'post-published': true,
  'server-error': true,
};
const outboxErrorCodes = Object.keys(CODES) as OutboxErrorCode[];

const job = (over: Partial<OutboxJobView> = {}): OutboxJobView => ({
  id: 'a1b2c3d4',
  packagePath: '/su-kien/packages/bao-20241226-lu-quet.zip',
  packageName: 'bao-20241226-lu-quet',
  sha256: 'f'.repeat(64),
  destinationId: 'sftp-1',
  state: 'running',
  files: [],
  bytesTotal: 4 * 1024 * 1024,
  bytesDone: 1024 * 1024,
  bytesSent: 1024 * 1024,
  resumes: [],
  attempts: 1,
  nextAttemptAt: null,
  lastError: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  bytesPerSecond: 512 * 1024,
  etaSeconds: 75,
  ...over,
});
const dests = [{ id: 'sftp-1', name: 'Tòa soạn' }];
const FP = `SHA256:${'A'.repeat(43)}`;

describe('jobDisplay', () => {
  it('shows a running job with bytes, speed, ETA and attempts in Vietnamese', () => {
    const v = jobDisplay(job(), dests, vi, 'vi');
    expect(v.title).toBe('bao-20241226-lu-quet → Tòa soạn');
    expect(v.stateLabel).toBe('Đang gửi');
    expect(v.bytes).toBe('1,0 MB / 4,0 MB');
    expect(v.speed).toBe('512 KB/s');
    expect(v.eta).toBe('còn 1 phút 15 giây');
    expect(v.attempts).toBe('lần thử 1');
    expect([v.value, v.max]).toEqual([1024 * 1024, 4 * 1024 * 1024]);
    expect(v.canCancel).toBe(true);
    expect(v.canRetry).toBe(false);
    expect(v.tone).toBe('active');
  });

  it('says a package already on the server plainly, full bar, no error, no buttons', () => {
    const v = jobDisplay(
      job({ state: 'already-there', bytesDone: 0, bytesTotal: 0, attempts: 0 }),
      dests,
      vi,
      'vi',
    );
    expect(v.stateLabel).toBe('Đã có trên máy chủ');
    expect([v.value, v.max]).toEqual([0, 1]);
    expect(v.speed).toBeNull();
    expect(v.canCancel || v.canRetry).toBe(false);
    expect(jobDisplay(job({ state: 'done' }), dests, vi, 'vi').stateLabel).toBe('Đã gửi');
  });

  it('asks to check an unknown host key and warns on a changed one', () => {
    const unknown = jobDisplay(
      job({
        state: 'failed',
        lastError: { code: 'host-key-unknown', message: 'first', fingerprint: FP },
      }),
      dests,
      vi,
      'vi',
    );
    expect(unknown.hostKey).toEqual({ kind: 'unknown', fingerprint: FP });
    expect(unknown.tone).toBe('error');
    expect(unknown.canRetry).toBe(true);
    expect(vi.hostKeyFingerprint(FP)).toBe(
      `Dấu vân tay khóa máy chủ: ${FP} — hãy đối chiếu với tòa soạn`,
    );
    const changed = jobDisplay(
      job({
        state: 'failed',
        lastError: { code: 'host-key-changed', message: 'changed', fingerprint: FP },
      }),
      dests,
      vi,
      'vi',
    );
    expect(changed.hostKey?.kind).toBe('changed');
    expect(changed.error?.text).toMatch(/khóa máy chủ đã thay đổi/);
  });

  it('has plain words for every error code, in both languages', () => {
    for (const code of outboxErrorCodes) {
      expect(errorText(vi, code).length, code).toBeGreaterThan(10);
      expect(errorText(en, code).length, code).toBeGreaterThan(10);
    }
    expect(errorText(vi, 'auth-failed')).toMatch(/Sai .*mật khẩu/);
    expect(errorText(vi, 'connection-refused')).toMatch(/từ chối kết nối/);
    expect(errorText(vi, 'disk-full')).toMatch(/Hết dung lượng/);
    expect(errorText(vi, 'permission-denied')).toMatch(/không có quyền/);
  });

  it('names a deleted destination and shows when a retry is due', () => {
    const v = jobDisplay(
      job({
        state: 'retrying',
        destinationId: 'gone',
        nextAttemptAt: new Date(2026, 0, 1, 9, 5, 7).toISOString(),
        lastError: { code: 'connection-lost', message: 'x' },
      }),
      dests,
      vi,
      'vi',
    );
    expect(v.title).toBe('bao-20241226-lu-quet → nơi nhận đã xoá');
    expect(v.nextAttempt).toBe('thử lại lúc 09:05:07');
    expect(v.error?.text).toMatch(/Mất kết nối/);
    expect(v.canRetry && v.canCancel).toBe(true);
  });
});

describe('counting and ordering', () => {
  it('counts queued, running, waiting and retrying as pending', () => {
    const states = ['queued', 'running', 'waiting-offline', 'retrying', 'done', 'failed'] as const;
    expect(pendingCount(states.map((state) => ({ state })))).toBe(4);
  });

  it('lists pending jobs first, newest first', () => {
    const jobs = [
      { state: 'done' as const, createdAt: '2026-01-03' },
      { state: 'queued' as const, createdAt: '2026-01-01' },
      { state: 'failed' as const, createdAt: '2026-01-02' },
    ];
    expect(sortJobs(jobs).map((j) => j.createdAt)).toEqual([
      '2026-01-01',
      '2026-01-03',
      '2026-01-02',
    ]);
  });

  it('formats ETAs', () => {
    expect(formatEta('vi', 8)).toBe('8 giây');
    expect(formatEta('en', 3720)).toBe('1 h 2 min');
  });
});

describe('destination form', () => {
  it('builds an SFTP URL with the key and sends the password only when typed', () => {
    const args = saveArgsOf({
      ...emptyForm(),
      name: ' Tòa soạn ',
      host: '127.0.0.1',
      port: '2222',
      user: 'phóng viên',
      remoteDir: '/incoming/ảnh #1',
      identityFile: '/home/pv/.ssh/id_ed25519',
      trustNewHostKey: true,
      limitKBps: '256',
    });
    expect(args).toEqual({
      url: 'sftp://ph%C3%B3ng%20vi%C3%AAn@127.0.0.1:2222/incoming/ảnh %231',
      name: 'Tòa soạn',
      identityFile: '/home/pv/.ssh/id_ed25519',
      trustNewHostKey: true,
      limitKBps: 256,
    });
    const u = new URL('url' in args ? args.url : '');
    expect(decodeURIComponent(u.pathname)).toBe('/incoming/ảnh #1');
    expect(decodeURIComponent(u.username)).toBe('phóng viên');
  });

  it('keeps the id when editing and never shows the password back', () => {
    const d: DestinationView = {
      id: 'ftps-1',
      name: 'FTPS',
      kind: 'ftps',
      host: 'ftp.example.vn',
      port: 21,
      user: 'pv',
      remoteDir: '/in',
      identityFile: null,
      fingerprint: null,
      trustNewHostKey: false,
      limitKBps: null,
      url: 'ftps://pv@ftp.example.vn:21/in',
      hasPassword: true,
    };
    const f = formOf(d);
    expect(f.password).toBe('');
    const args = saveArgsOf({ ...f, identityFile: '/ignored' });
    expect(args).toMatchObject({ id: 'ftps-1', url: 'ftps://pv@ftp.example.vn:21/in' });
    expect(args).not.toHaveProperty('password');
    expect(args).toMatchObject({ identityFile: null });
    expect(saveArgsOf({ ...f, password: 's3cret' })).toMatchObject({ password: 's3cret' });
  });

  it('says what is missing', () => {
    expect(saveArgsOf({ ...emptyForm(), remoteDir: 'rel' })).toEqual({ problem: 'destNeedDir' });
    expect(saveArgsOf({ ...emptyForm(), remoteDir: '/in' })).toEqual({ problem: 'destNeedHost' });
    expect(saveArgsOf({ ...emptyForm(), remoteDir: '/in', host: 'h' })).toEqual({
      problem: 'destNeedUser',
    });
    expect(
      saveArgsOf({ ...emptyForm(), remoteDir: '/in', host: 'h', user: 'u', port: '0' }),
    ).toEqual({ problem: 'destBadPort' });
    expect(saveArgsOf({ ...emptyForm(), kind: 'file', remoteDir: '/in', limitKBps: '-3' })).toEqual(
      { problem: 'destBadLimit' },
    );
    expect(saveArgsOf({ ...emptyForm(), kind: 'file', remoteDir: '/mnt/toa soan' })).toMatchObject({
      url: 'file:///mnt/toa soan',
      trustNewHostKey: false,
    });
  });

  it('makes a WordPress site address: https by default, the root path when none is typed', () => {
    const f = {
      ...emptyForm(),
      kind: 'wordpress+https' as const,
      host: 'baolaocai.vn',
      port: '443',
      user: 'phong.vien',
      password: 'abcd efgh ijkl mnop qrst uvwx',
      trustNewHostKey: true,
    };
    expect(saveArgsOf(f)).toMatchObject({
      url: 'wordpress+https://phong.vien@baolaocai.vn:443/',
      // Nothing to pin: WordPress goes over https with the system's certificates.
      trustNewHostKey: false,
      password: 'abcd efgh ijkl mnop qrst uvwx',
    });
    expect(
      saveArgsOf({
        ...f,
        kind: 'wordpress+http',
        host: '127.0.0.1',
        port: '8080',
        remoteDir: '/tin',
      }),
    ).toMatchObject({ url: 'wordpress+http://phong.vien@127.0.0.1:8080/tin' });
  });

  it('says when another CaptionDesk is sending the job, until it is finished', () => {
    const held = jobDisplay(job({ state: 'queued', heldBy: 4242 }), [], vi, 'vi');
    expect(held.heldBy).toContain('tiến trình 4242');
    expect(jobDisplay(job({ state: 'done', heldBy: 4242 }), [], vi, 'vi').heldBy).toBeNull();
  });
});
