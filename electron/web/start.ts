/**
 * `npm run web -- [folder]`: the same UI and API in a browser, where Electron
 * cannot start. Prints the URL to open, with this run's token in it.
 */
import '../core/util/threadpool';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withEnvPassword } from '../core/outbox/env-secrets';
import { MemorySecretStore } from '../core/outbox/secret-store';
import { watchProcessErrors } from '../core/log/process-errors';
import { startCoreHost } from '../core/process/core-host';
import { forkCore } from '../core/process/fork-channel';
import { userDirs } from '../core/user-dirs';
import { APP_VERSION } from '../core/app-version';
import { startWebServer } from './server';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const staticDir = resolve(root, 'dist/renderer');
if (!existsSync(resolve(staticDir, 'index.html'))) {
  process.stderr.write(
    'CaptionDesk: the UI is not built yet. Run "npm run build" (or use "npm run web", which builds first).\n',
  );
  process.exit(1);
}
const folderArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const port = Number(process.env.CAPTIONDESK_PORT ?? 0);

// The core works in a process of its own: a crash on one bad file restarts it, not the server.
const coreScript = resolve(root, 'electron/core/process/core-child.ts');
const core = await startCoreHost({
  init: {
    ...userDirs(),
    sampleDir: resolve(root, 'assets/sample-event'),
    mode: 'web',
    startFolder: folderArg ? resolve(folderArg) : null,
    version: APP_VERSION,
  },
  spawn: () => forkCore(coreScript),
  secrets: withEnvPassword(new MemorySecretStore(), process.env),
});
process.stdout.write(`CaptionDesk: core process ${core.pid()}\n`);
watchProcessErrors(core.log);
const server = await startWebServer({ core, staticDir, port });
process.stdout.write(`CaptionDesk: ${server.url}\n`);
process.stdout.write(
  'Open that address in your browser (only this computer can reach it). Ctrl+C stops.\n',
);

const stop = async () => {
  await server.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
