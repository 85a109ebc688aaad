import { describe, it, expect } from 'vitest';
import { contract, methodNames, type Api, type MethodName } from './api';
import { dispatch, writeKey } from './dispatch';
import { apiMethodNames } from './methods';

describe('apiMethodNames', () => {
  it('lists exactly the methods of the contract', () => {
    const sorted = (names: readonly string[]) => [...names].sort();
    expect(sorted(apiMethodNames)).toEqual(sorted(Object.keys(contract)));
    expect(sorted(apiMethodNames)).toEqual(sorted(methodNames));
    expect(new Set(apiMethodNames).size).toBe(apiMethodNames.length);
  });
});

/** The methods that change nothing. A new method must be added here or marked as a write. */
const READS = new Set<MethodName>([
  'credentials',
  'getTrustList',
  'getSigningIdentity',
  'openFolder',
  'listPhotos',
  'scan',
  'photoDetails',
  'getEvent',
  'listTemplates',
  'loadTemplate',
  'codeReplacements',
  'exportCodeList',
  'getSettings',
  'listArticles',
  'getArticle',
  'articleChecks',
  'getPresets',
  'listPackages',
  'appInfo',
  'listDestinations',
  'outboxList',
  'diffPackages',
  'getReview',
  'getAnalysis',
  'getClockOffsets',
  'logInfo',
]);

describe('write marks', () => {
  it('marks every method as a read or a write, and only the known reads as reads', () => {
    for (const name of methodNames) {
      const { access } = contract[name];
      expect(access, name).toBeDefined();
      expect(access.writes === null, `${name} is a read`).toBe(READS.has(name));
    }
  });

  it('queues the saves of one folder together and apart from other folders', () => {
    const a = writeKey('setCaption', { folder: '/ev/a', file: 'x.jpg', text: '' });
    expect(writeKey('setFields', { folder: '/ev/a/', files: ['y.jpg'] })).toBe(a);
    expect(writeKey('setCulling', { folder: '/ev/a', changes: [] })).toBe(a);
    expect(writeKey('setCaption', { folder: '/ev/b', file: 'x.jpg', text: '' })).not.toBe(a);
    // An article save waits only for saves of the same article.
    const art = (id: string) =>
      writeKey('saveArticle', { folder: '/ev/a', article: { id } as never });
    expect(art('one')).toBe(art('one'));
    expect(art('one')).not.toBe(art('two'));
    expect(art('one')).not.toBe(a);
  });

  it('leaves reads, previews and long jobs out of the queues', () => {
    expect(writeKey('photoDetails', { folder: '/ev/a', file: 'x.jpg' })).toBeNull();
    expect(writeKey('findReplace', { folder: '/ev/a', apply: false })).toBeNull();
    expect(writeKey('findReplace', { folder: '/ev/a', apply: true })).toBe(
      writeKey('setCaption', { folder: '/ev/a', file: 'x.jpg', text: '' }),
    );
    expect(writeKey('ingest', { sources: ['/card'], to: '/ev/a' })).toBeNull();
    expect(writeKey('outboxEnqueue', { packagePath: '/p.zip', destination: 'd' })).toBeNull();
    // A package build has its own queue: caption saves do not wait for it.
    expect(writeKey('buildPackage', { folder: '/ev/a', articleId: 'x' })).not.toBe(
      writeKey('setCaption', { folder: '/ev/a', file: 'x.jpg', text: '' }),
    );
  });
});

/** A fake core whose calls finish when the test says, recording when each starts. */
function controlledApi() {
  const started: string[] = [];
  const release = new Map<string, () => void>();
  const call = (label: string) =>
    new Promise<unknown>((resolve) => {
      started.push(label);
      release.set(label, () => resolve(label));
    });
  const api = {
    setCaption: (a: { folder: string; text: string }) => call(`caption ${a.folder} ${a.text}`),
    setFields: (a: { folder: string; fields: { headline?: string } }) =>
      call(`fields ${a.folder} ${a.fields.headline}`),
    photoDetails: (a: { file: string }) => call(`details ${a.file}`),
  } as unknown as Api;
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return { api, started, release: (label: string) => release.get(label)!(), tick };
}

describe('dispatch', () => {
  it('runs writes of one folder in call order, one at a time', async () => {
    const { api, started, release, tick } = controlledApi();
    const first = dispatch(api, 'setCaption', { folder: '/ev', file: 'a.jpg', text: 'one' });
    const second = dispatch(api, 'setFields', {
      folder: '/ev',
      files: ['a.jpg'],
      fields: { headline: 'two' },
    });
    const third = dispatch(api, 'setCaption', { folder: '/ev', file: 'a.jpg', text: 'three' });
    await tick();
    expect(started).toEqual(['caption /ev one']);
    release('caption /ev one');
    await first;
    await tick();
    expect(started).toEqual(['caption /ev one', 'fields /ev two']);
    release('fields /ev two');
    await second;
    await tick();
    release('caption /ev three');
    expect(await third).toBe('caption /ev three');
  });

  it('does not hold reads or other folders behind a write', async () => {
    const { api, started, release, tick } = controlledApi();
    void dispatch(api, 'setCaption', { folder: '/ev', file: 'a.jpg', text: 'slow' });
    void dispatch(api, 'photoDetails', { folder: '/ev', file: 'a.jpg' });
    void dispatch(api, 'setCaption', { folder: '/other', file: 'a.jpg', text: 'x' });
    await tick();
    try {
      // All three are running although the first write has not finished.
      expect([...started].sort()).toEqual([
        'caption /ev slow',
        'caption /other x',
        'details a.jpg',
      ]);
    } finally {
      release('caption /ev slow');
      release('caption /other x');
    }
  });

  it('goes on with the next write when one fails', async () => {
    const failing = {
      setCaption: (a: { text: string }) =>
        a.text === 'bad' ? Promise.reject(new Error('disk full')) : Promise.resolve(a.text),
    } as unknown as Api;
    const args = (text: string) => ({ folder: '/failing', file: 'a.jpg', text });
    const bad = dispatch(failing, 'setCaption', args('bad'));
    const good = dispatch(failing, 'setCaption', args('ok'));
    await expect(bad).rejects.toThrow('disk full');
    await expect(good).resolves.toBe('ok');
  });
});
