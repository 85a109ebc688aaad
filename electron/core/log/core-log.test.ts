import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCoreLog, logFilePath } from './core-log';
import { redact, REDACTED } from './redact';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const SECRETS = [
  'hunter2',
  'correct horse',
  'tok-123456789',
  'c2VjcmV0OnBhc3M=',
  's3cr3t-url-pw',
  'abcdefghijklmnop',
  'xyz-query-pw',
  'k-json-api-key',
  'sk-error-message',
  'cookie-value-1',
];

/** An object a careless caller might log, holding secrets in every shape we know. */
function leaky() {
  const err = Object.assign(
    new Error('upload to https://bob:sk-error-message@example.org/up failed'),
    { code: 'EAUTH', password: 'hunter2' },
  );
  const cyclic: Record<string, unknown> = { name: 'loop' };
  cyclic.self = cyclic;
  return {
    user: 'reporter',
    password: 'hunter2',
    destination: {
      url: 'sftp://tunglam:s3cr3t-url-pw@ftp.baolaocai.vn/incoming',
      passphrase: 'correct horse',
      headers: { Authorization: 'Basic c2VjcmV0OnBhc3M=', Cookie: 'cookie-value-1' },
      tokens: [{ token: 'tok-123456789' }],
      apiKey: 'k-json-api-key',
    },
    note: 'sent with Bearer abcdefghijklmnop and ?password=xyz-query-pw&x=1',
    body: '{"user":"a","passphrase":"correct horse","api_key":"k-json-api-key"}',
    error: err,
    cyclic,
  };
}

describe('the core log', () => {
  it('writes one JSON object a line with time, level and event, and never a secret', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'captiondesk-corelog-'));
    dirs.push(dataDir);
    const log = createCoreLog(dataDir);
    expect(log.path).toBe(logFilePath(dataDir));
    expect(log.path).toBe(join(dataDir, 'logs', 'captiondesk.log'));
    log.error('outbox-job-failed', leaky());
    log.info('package-built', { path: '/tmp/x.zip', photos: 3, time: 'not the time' });
    await log.flush();
    const text = await readFile(log.path, 'utf8');
    for (const s of SECRETS) expect(text, s).not.toContain(s);
    const [failed, built] = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(failed).toMatchObject({
      level: 'error',
      event: 'outbox-job-failed',
      user: 'reporter',
      password: REDACTED,
    });
    expect(JSON.stringify(failed)).toContain('ftp.baolaocai.vn');
    expect(JSON.stringify(failed)).toContain('EAUTH');
    expect(built).toMatchObject({ level: 'info', event: 'package-built', photos: 3 });
    expect(built!.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await log.tail(1)).toEqual([text.trim().split('\n')[1]]);
  });

  it('redacts by key at any depth and in free text, and keeps the rest', () => {
    const r = JSON.stringify(redact(leaky()));
    for (const s of SECRETS) expect(r, s).not.toContain(s);
    expect(r).toContain('reporter');
    expect(r).toContain('[cycle]');
    expect(redact({ hasPassword: true, id: 'd1' })).toEqual({ hasPassword: REDACTED, id: 'd1' });
  });
});
