import { describe, expect, it } from 'vitest';
import type { Credentials, CredentialsState } from '../../electron/contract/credentials';
import { CredentialsLoader, type Wanted } from './credentials-loader';
import { testVerdict } from './test-verdict';

const verdict = (file: string, state: CredentialsState = 'trusted'): Credentials =>
  testVerdict({ file, state });

/** A core that answers only when the test says so, recording what it was asked. */
function fakeCore() {
  const calls: { files: string[]; answer(state?: CredentialsState): void; fail(): void }[] = [];
  const ask = (files: string[]) =>
    new Promise<Credentials[]>((resolve, reject) => {
      calls.push({
        files,
        answer: (state = 'trusted') => resolve(files.map((f) => verdict(f, state))),
        fail: () => reject(new Error('core restarted')),
      });
    });
  return { calls, ask };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const photos = (n: number, version = 'v1'): Wanted[] =>
  Array.from({ length: n }, (_, i) => ({ file: `p${String(i).padStart(3, '0')}.jpg`, version }));

describe('CredentialsLoader', () => {
  it('asks in batches, one at a time, the prioritized photo first', async () => {
    const core = fakeCore();
    let changes = 0;
    const loader = new CredentialsLoader(core.ask, () => changes++, 2);
    loader.prioritize('p003.jpg');
    loader.want(photos(5));
    expect(core.calls.map((c) => c.files)).toEqual([['p003.jpg', 'p000.jpg']]);
    core.calls[0]!.answer();
    await settle();
    expect(core.calls.map((c) => c.files)[1]).toEqual(['p001.jpg', 'p002.jpg']);
    expect([...loader.results.keys()]).toEqual(['p003.jpg', 'p000.jpg']);
    core.calls[1]!.answer();
    await settle();
    core.calls[2]!.answer('broken');
    await settle();
    expect(core.calls.map((c) => c.files)[2]).toEqual(['p004.jpg']);
    expect(core.calls).toHaveLength(3);
    expect(loader.results.get('p004.jpg')?.state).toBe('broken');
    expect(changes).toBe(3);
  });

  it('asks a new version again, keeping the old verdict meanwhile, and forgets removed photos', async () => {
    const core = fakeCore();
    const loader = new CredentialsLoader(core.ask, () => {}, 10);
    loader.want(photos(2));
    core.calls[0]!.answer();
    await settle();
    const before = loader.results;
    // The same versions again (a caption saved to the sidecar): nothing to ask.
    loader.want(photos(2));
    expect(core.calls).toHaveLength(1);
    loader.want([{ file: 'p000.jpg', version: 'v2' }]);
    expect(loader.results).not.toBe(before);
    expect([...loader.results.keys()]).toEqual(['p000.jpg']);
    expect(core.calls[1]!.files).toEqual(['p000.jpg']);
    expect(loader.results.get('p000.jpg')?.state).toBe('trusted');
    core.calls[1]!.answer('broken');
    await settle();
    expect(loader.results.get('p000.jpg')?.state).toBe('broken');
  });

  it('drops every verdict on reset and throws away answers asked before it', async () => {
    const core = fakeCore();
    const loader = new CredentialsLoader(core.ask, () => {}, 10);
    loader.want(photos(2));
    core.calls[0]!.answer('untrusted');
    await settle();
    expect(loader.results.size).toBe(2);
    loader.want(photos(3));
    const late = core.calls[1]!;
    loader.reset();
    expect(loader.results.size).toBe(0);
    expect(core.calls[2]!.files).toEqual(['p000.jpg', 'p001.jpg', 'p002.jpg']);
    late.answer('untrusted');
    await settle();
    expect(loader.results.size).toBe(0);
    core.calls[2]!.answer('trusted');
    await settle();
    expect([...loader.results.values()].map((c) => c.state)).toEqual([
      'trusted',
      'trusted',
      'trusted',
    ]);
  });

  it('records a failed call per photo and goes on with the next batch', async () => {
    const core = fakeCore();
    const loader = new CredentialsLoader(core.ask, () => {}, 1);
    loader.want(photos(2));
    core.calls[0]!.fail();
    await settle();
    expect(loader.failures.get('p000.jpg')?.message).toBe('core restarted');
    expect(core.calls[1]!.files).toEqual(['p001.jpg']);
    core.calls[1]!.answer();
    await settle();
    // Not asked again until the file changes or the trust list does.
    expect(core.calls).toHaveLength(2);
    loader.reset();
    expect(loader.failures.size).toBe(0);
    expect(core.calls[2]!.files).toEqual(['p000.jpg']);
  });
});
