/**
 * Scans a folder through a real core in a process of its own, opens it and builds its
 * thumbnails, and prints how much its resident memory grew (peak RSS less RSS before the scan), so a test can bound it.
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
// The grid's other reader of the same bytes: thumbnails from embedded previews or sharp.
await core.api.openFolder({ path: folder });
const thumbs = await core.api.buildThumbnails({ folder });
const peak = process.resourceUsage().maxRSS * 1024;
await core.close();
process.stdout.write(
  JSON.stringify({
    photos: photos.length,
    refused: photos.filter((p) => p.notices.some((n) => n.code === 'xmpRefused')).length,
    thumbnailsFailed: thumbs.failed.length,
    growthBytes: peak - rssBefore,
  }),
);
