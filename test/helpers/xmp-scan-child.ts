/**
 * Scans a folder through a real core in a process of its own and prints how much its
 * resident memory grew (peak RSS less RSS before the scan), so a test can bound it.
 * argv: <folder> <state dir>
 */
import { join } from 'node:path';
import { createCore } from '../../electron/core/app-core';
import { FIXTURES } from './fixtures';

const [folder, state] = process.argv.slice(2) as [string, string];
const core = createCore({
  dataDir: join(state, 'data'),
  cacheDir: join(state, 'cache'),
  sampleDir: FIXTURES,
  mode: 'cli',
  version: 't',
});
const rssBefore = process.memoryUsage().rss;
const photos = await core.api.scan({ folder });
const peak = process.resourceUsage().maxRSS * 1024;
await core.close();
process.stdout.write(
  JSON.stringify({
    photos: photos.length,
    refused: photos.filter((p) => p.notices.some((n) => n.code === 'xmpRefused')).length,
    growthBytes: peak - rssBefore,
  }),
);
