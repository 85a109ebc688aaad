import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Photo } from '../contract/api';
import type { WebServer } from './server';
import { CALL_HEADER, CLIENT_HEADER } from './call-order';
import { runCli } from '../../test/helpers/run-cli';
import { rawCall, startTestWebServer, type TestWebServer } from '../../test/helpers/web-server';

/**
 * The core owns the order of writes: two browser tabs, and the CLI in another process,
 * writing one photo at once end with the last-called value and no field lost, without
 * any queue on the client side.
 */
type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string } };

const FILE = 'canon-eos1000d-orient6.jpg';

describe('writes through the HTTP front and the CLI', () => {
  let app: TestWebServer | undefined;
  let server: WebServer;
  let photos: string;
  let state: string;

  /** One browser tab: its own id and call numbers, as renderer/api/http.ts sends them. */
  function tab(id: string) {
    let calls = 0;
    return {
      /** Sends a call now; `number` overrides the call number (to send them out of order). */
      call(method: string, args: unknown, number = calls++): Promise<Envelope> {
        return rawCall(server.port, `/api/${method}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-CaptionDesk-Token': server.token,
            [CLIENT_HEADER]: id,
            [CALL_HEADER]: String(number),
          },
          body: JSON.stringify(args),
        }).then((res) => JSON.parse(res.body) as Envelope);
      },
    };
  }

  const ok = async (p: Promise<Envelope>) => {
    const e = await p;
    if (!e.ok) throw new Error(JSON.stringify(e.error));
    return e.value;
  };

  beforeAll(async () => {
    app = await startTestWebServer([FILE, 'dpa-wire-iptc-utf8.jpg']);
    ({ server, photos, state } = app);
    await ok(tab('opener').call('openFolder', { path: photos }));
  });
  afterAll(() => app?.close());

  it("hands one tab's calls to the core in its order even when they arrive reversed", async () => {
    const t = tab('reversed');
    const second = t.call('setCaption', { folder: photos, file: FILE, text: 'hai' }, 1);
    // The later call is on the wire first; the earlier one follows once it waits.
    await new Promise((r) => setTimeout(r, 50));
    const first = t.call('setCaption', { folder: photos, file: FILE, text: 'một' }, 0);
    expect((await first).ok).toBe(true);
    expect((await second).ok).toBe(true);
    const details = (await ok(t.call('photoDetails', { folder: photos, file: FILE }, 2))) as Photo;
    expect(details.captionOwn).toBe('hai');
  });

  it('two tabs interleaving captions and fields on one photo lose nothing', async () => {
    const a = tab('tab-a');
    const b = tab('tab-b');
    const captions = Array.from({ length: 15 }, (_, i) => `Chú thích ${i}`);
    const start = ((await ok(a.call('photoDetails', { folder: photos, file: FILE }))) as Photo)
      .captionOwn;
    const fields = ['headline', 'city', 'province', 'credit', 'source', 'jobId'] as const;
    // Fired without waiting for answers, as fast typing does; each caption expects the
    // one before it, so a save run out of order would be refused as a conflict.
    const sent: Promise<Envelope>[] = [];
    captions.forEach((text, i) => {
      sent.push(
        a.call('setCaption', {
          folder: photos,
          file: FILE,
          text,
          expected: i ? captions[i - 1] : start,
        }),
      );
      const field = fields[i % fields.length]!;
      sent.push(
        b.call('setFields', {
          folder: photos,
          files: [FILE],
          fields: { [field]: `${field} ${i}` },
        }),
      );
    });
    const answers = await Promise.all(sent);
    expect(answers.filter((e) => !e.ok)).toEqual([]);
    const p = (await ok(a.call('photoDetails', { folder: photos, file: FILE }))) as Photo;
    expect(p.captionOwn).toBe(captions.at(-1));
    // Every field holds the last value tab B set for it.
    for (const [k, field] of fields.entries()) {
      const last = Math.max(...[...captions.keys()].filter((i) => i % fields.length === k));
      expect(p[field], field).toBe(`${field} ${last}`);
    }
  });

  it('the CLI writing the same photo from another process loses no field either', async () => {
    const a = tab('tab-cli');
    const env = {
      CAPTIONDESK_DATA_DIR: join(state, 'cli-data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cli-cache'),
    };
    const cli = (args: string[]) => runCli(args, env);
    const fromCli = { headline: 'Tít từ dòng lệnh', city: 'Huế', keywords: ['cli', 'đồng thời'] };
    const running = cli([
      'call',
      'setFields',
      JSON.stringify({ folder: photos, files: [FILE], fields: fromCli }),
    ]);
    let done = false;
    void running.then(() => (done = true));
    // The tab keeps saving captions for as long as the CLI runs, so their writes overlap.
    let n = 0;
    while (!done)
      await ok(a.call('setCaption', { folder: photos, file: FILE, text: `Lần ${n++}` }));
    const last = `Lần cuối ${n}`;
    await ok(a.call('setCaption', { folder: photos, file: FILE, text: last }));
    const r = await running;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // What is on disk, read by a fresh process.
    const scanned = await cli(['scan', photos, '--json']);
    const p = (JSON.parse(scanned.stdout) as Photo[]).find((x) => x.file === FILE)!;
    expect(p.captionOwn).toBe(last);
    expect(p.headline).toBe(fromCli.headline);
    expect(p.city).toBe(fromCli.city);
    expect(p.keywords).toEqual(fromCli.keywords);
  });
});
