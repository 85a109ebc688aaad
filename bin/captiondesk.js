#!/usr/bin/env node
// The installed `captiondesk` command: runs the bundled CLI (npm run build makes it).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/captiondesk.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(
    'captiondesk: the CLI is not built yet; run "npm run build" in the CaptionDesk folder.\n',
  );
  process.exit(1);
}
const { runCli } = await import(pathToFileURL(bundle).href);
process.exitCode = await runCli(process.argv.slice(2));
