import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Photo } from '../contract/api';
import { createCore } from '../core/app-core';
import type { Core } from '../core/app-core-types';
import { startWebServer, type WebServer } from './server';
import { CALL_HEADER, CLIENT_HEADER } from './call-order';
import { copyFixtures, FIXTURES, REPO, tempDir } from '../../test/helpers/fixtures';

/**
 * The core owns the order of writes: two browser tabs, and the CLI in another process,
 * writing one photo at once end with the last-called value and no field lost, without
 * any queue on the client side.
 */
type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string } };

const FILE = 'canon-eos1000d-orient6.jpg';

describe('writes through the HTTP front and the CLI', () => {
  let core: Core;
  let server: WebServer;
  let photos: string;
  let state: string;

  /** One browser tab: its own id and call numbers, as renderer/api/http.ts sends them. */
  function tab(id: string) {
    let calls = 0;
    return {
      /** Sends a call now; `number` overrides the call number (to send them out of order). */
      call(method: string, args: unknown, number = calls++): Promise<Envelope> {
        const body = JSON.stringify(args);
        return new Promise((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: server.port,
              path: `/api/${method}`,
              method: 'POST',
              headers: {
                Host: `127.0.0.1:${server.port}`,
                'Content-Type': 'application/json',
                'X-CaptionDesk-Token': server.token,
                [CLIENT_HEADER]: id,
                [CALL_HEADER]: String(number),
              },
            },
            (res) => {
              let text = '';
              res.on('data', (c) => (text += c));
              res.on('end', () => resolve(JSON.parse(text) as Envelope));
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      },
    };
  }

  const ok = async (p: Promise<Envelope>) => {
    const e = await p;
    if (!e.ok) throw new Error(JSON.stringify(e.error));
    return e.value;
  };

  beforeAll(async () => {
    photos = await copyFixtures([FILE, 'dpa-wire-iptc-utf8.jpg']);
    state = await tempDir();
    const staticDir = join(state, 'static');
    await mkdir(staticDir);
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    core = createCore({
      dataDir: join(state, 'data'),
      cacheDir: join(state, 'cache'),
      sampleDir: FIXTURES,
      mode: 'web',
      version: 't',
    });
    server = await startWebServer({ core, staticDir });
    await ok(tab('opener').call('openFolder', { path: photos }));
  });
  afterAll(async () => {
    await server.close();
    await core.close();
    await rm(photos, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

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
      ...process.env,
      CAPTIONDESK_DATA_DIR: join(state, 'cli-data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cli-cache'),
    };
    const cli = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          join(REPO, 'node_modules/.bin/tsx'),
          [join(REPO, 'electron/cli/main.ts'), ...args],
          { env, maxBuffer: 32 << 20 },
          (err, stdout, stderr) =>
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
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
