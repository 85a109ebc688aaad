/**
 * The desktop app's core process, at the one seam that cannot run here: Electron's
 * utilityProcess.fork is stood in for by a Node fork whose child gets the same
 * `process.parentPort`. Everything else is real: the adapter, the host, the core process
 * taking its Electron path (parentPort, not process.send), a kill and the restart.
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ApiEvent } from '../contract/api';
import { copyFixtures, REPO, tempDir } from '../../test/helpers/fixtures';
import { MemorySecretStore } from '../core/outbox/secret-store';
import { startCoreHost, type HostedCore } from '../core/process/core-host';

const SHIM = join(REPO, 'electron/shell/testing/parent-port-shim.cjs');
const forks: string[] = [];

vi.mock('electron', () => ({
  utilityProcess: {
    fork(script: string, _args: string[], options: { serviceName?: string }) {
      forks.push(`${options.serviceName} ${script}`);
      const child = fork(script, [], {
        execArgv: ['--import', 'tsx', '--require', SHIM],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      // The shape of Electron's UtilityProcess: postMessage, 'message', 'exit' with a code.
      const up = new EventEmitter() as EventEmitter & {
        pid: number | undefined;
        postMessage(m: unknown): void;
        kill(): boolean;
      };
      up.pid = child.pid;
      up.postMessage = (m) => void (child.connected && child.send(m as object));
      up.kill = () => child.kill('SIGKILL');
      child.on('message', (m) => up.emit('message', m));
      child.once('exit', (code) => up.emit('exit', code ?? 1));
      return up;
    },
  },
}));

const { utilityCore } = await import('./utility-core');

describe('the core as a utilityProcess', () => {
  let host: HostedCore | undefined;
  let dir = '';
  let state = '';
  afterAll(async () => {
    await host?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('answers over the parent port, keeps passwords in main, and comes back after a crash', async () => {
    dir = await copyFixtures(['canon-eos1300d-18mp.jpg']);
    state = await tempDir();
    const secrets = new MemorySecretStore();
    const script = join(REPO, 'electron/core/process/core-child.ts');
    host = await startCoreHost({
      init: {
        dataDir: join(state, 'data'),
        cacheDir: join(state, 'cache'),
        sampleDir: join(REPO, 'assets/sample-event'),
        mode: 'electron',
        startFolder: null,
        version: 't',
      },
      spawn: () => utilityCore(script),
      secrets,
    });
    const events: ApiEvent[] = [];
    host.on((e) => events.push(e));
    expect(forks).toEqual([`CaptionDesk core ${script}`]);
    expect((await host.api.appInfo({})).mode).toBe('electron');
    await host.api.openFolder({ path: dir });
    await host.api.setCaption({ folder: dir, file: 'canon-eos1300d-18mp.jpg', text: 'Lào Cai.' });
    const d = await host.api.saveDestination({
      url: 'ftp://ana@127.0.0.1/in',
      password: 'mật khẩu',
    });
    expect(await secrets.get(`outbox:${d.id}:password`)).toBe('mật khẩu');

    process.kill(host.pid()!, 'SIGKILL');
    for (let i = 0; i < 400 && !events.some((e) => e.type === 'coreRestarted'); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(events.find((e) => e.type === 'coreRestarted')).toMatchObject({
      reason: 'exit code 1',
    });
    expect(forks).toHaveLength(2);
    const tiles = await host.api.listPhotos({ folder: dir });
    expect(tiles[0]?.caption).toBe('Lào Cai.');
  }, 60_000);
});
