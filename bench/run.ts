/**
 * npm run bench -- [--n 200] [--size 6000x4000] [--keep] [--links 10]
 *                  [--only scan,index,thumbs,exiftool,vips,open,scroll,caption,rss,ingest,cp,
 *                          credentials]
 *
 * Issue 9's goals, in one table, over one folder of N camera-sized JPEGs (issue 9 asks for
 * `--n 1000`, 6000x4000):
 * - scan: the metadata scan, against exiftool (task `exiftool`);
 * - index: the core's progressive open in-process, cold and again from the index cache;
 * - thumbs: the 320-px thumbnail cache built cold (and warm), against vipsthumbnail at the
 *   same size with one process per core (task `vips`);
 * - open, scroll, caption, rss: browser mode in Debian's Chromium (needs `npm run build`):
 *   navigation to the first tile image on N photos and on N × links photos, scrolling
 *   the large grid, a caption keystroke to the sidecar on disk, and the core's peak RSS;
 * - ingest: `api.ingest` of the N files from a card folder (`DCIM/100CANON`) to a
 *   destination, and again with a backup, against `cp -r` + `sha256sum` (task `cp`);
 * - credentials (issue 13): the N photos signed as a C2PA camera would (timed) into
 *   `<folder>-c2pa`, then `credentials` of them all cold and warm, against `sha256sum`, and
 *   the scan of the signed folder against the unsigned one (what detection costs).
 *
 * --keep keeps the generated folder (and the linked and signed ones) for the next run. --links sets how
 * many hard-linked names each generated file gets in the large folder, `<folder>-x<links>`
 * (default 10: 1,000 photos make the 10,000-photo folder without writing 10,000 files).
 * --only picks tasks by name. A benchmark, not a test: it prints, it never fails on time.
 */
import os from 'node:os';
import { LINKED_TASKS, parseBenchArgs, USAGE, type BenchArgs } from './args';
import { timeBrowser, type BrowserTimings } from './browser-speed';
import { timeCaptionDesk } from './captiondesk';
import { credentialsNote } from './credentials-rows';
import { timeCredentials, type CredentialsTimings } from './credentials-speed';
import { ensureBenchFolder, removeBenchFolder } from './generate';
import { timeIngest, type IngestTimings } from './ingest-speed';
import { ensureLinkedFolder, removeLinkedFolder, type LinkedFolder } from './linked-folder';
import { loadLine, machineLines } from './machine';
import {
  exifSummary,
  timeExiftool,
  timeVipsthumbnail,
  toolVersions,
  type VipsTiming,
} from './reference-tools';
import { benchRows } from './rows';
import { ensureSignedFolder, removeSignedFolder, type SignedFolder } from './signed-folder';
import { markdownTable, textTable } from './table';

function parse(): BenchArgs {
  try {
    return parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    process.exit(1);
  }
}

async function main() {
  const args = parse();
  const { n, width, height, only } = args;
  const tools = await toolVersions();
  const notes: string[] = [];

  // Taken once, so the table reports the load the timings started under.
  const machine = machineLines(tools);
  console.log(`CaptionDesk benchmark: N=${n} JPEGs of ${width}x${height}`);
  for (const line of machine) console.log(`  ${line}`);

  const folder = await ensureBenchFolder(n, width, height, tools.exiftool !== null);
  console.log(
    `  folder: ${folder.dir} (${folder.reused ? 'reused' : 'generated'} in ` +
      `${folder.seconds.toFixed(1)} s; ${(folder.bytes / 2 ** 20).toFixed(0)} MB, ` +
      `${(folder.bytes / n / 2 ** 20).toFixed(2)} MB a photo)`,
  );
  notes.push(...folder.notes);

  let linked: LinkedFolder | null = null;
  if (LINKED_TASKS.some((t) => only.has(t))) {
    linked = await ensureLinkedFolder(folder.dir, folder.files, args.links);
    console.log(
      `  large folder: ${linked.dir}: ${linked.files.length} photos made of the ${n} above by ` +
        `hard links (${args.links} names each, DSC_00001.JPG…), ${linked.reused ? 'reused' : 'linked now'}`,
    );
  }
  let signed: SignedFolder | null = null;
  if (only.has('credentials')) {
    signed = await ensureSignedFolder(folder.dir, folder.files);
    console.log(
      `  signed folder: ${signed.dir}: the ${n} photos signed with c2pa.created by a test PKI ` +
        `(test-pki/), ${signed.reused ? 'reused' : 'signed now'}`,
    );
  }
  const first = folder.files[0];
  if (tools.exiftool && first) console.log(`  ${await exifSummary(first)}`);
  console.log('');

  const ours = await timeCaptionDesk(folder.dir, n, {
    scan: only.has('scan'),
    index: only.has('index'),
    thumbs: only.has('thumbs'),
  });
  notes.push(...ours.notes);

  let exiftoolMs: number | null = null;
  if (only.has('exiftool')) {
    if (tools.exiftool) exiftoolMs = await timeExiftool(folder.files);
    else notes.push('exiftool is not installed: its timing was skipped');
  }

  // The core's own size: libvips shrinks on load by a power of two picked from the ratio,
  // so a different size would measure a different decode.
  const processes = os.availableParallelism();
  let vips: VipsTiming | null = null;
  if (only.has('vips')) {
    if (tools.vipsthumbnail) {
      vips = await timeVipsthumbnail(folder.files, processes, ours.thumbSize ?? 320);
    } else notes.push('vipsthumbnail is not installed: its timing was skipped');
  }

  let ingest: IngestTimings | null = null;
  if (only.has('ingest') || only.has('cp')) {
    ingest = await timeIngest(folder.files, { ours: only.has('ingest'), cp: only.has('cp') });
    notes.push(...ingest.notes);
  }

  let credentials: CredentialsTimings | null = null;
  if (signed) {
    credentials = await timeCredentials(folder, signed, processes);
    notes.push(...credentials.notes);
  }

  let browser: BrowserTimings | null = null;
  if (linked) {
    browser = await timeBrowser(
      { dir: folder.dir, photos: n },
      { dir: linked.dir, photos: linked.files.length },
      {
        open: only.has('open'),
        scroll: only.has('scroll'),
        caption: only.has('caption'),
        rss: only.has('rss'),
      },
    );
    notes.push(...browser.notes);
  }
  const loadAtEnd = loadLine('at end');

  const rows = benchRows({
    n,
    linked: linked?.files.length ?? 0,
    ours,
    exiftoolMs,
    vips,
    processes,
    ingest,
    browser,
    credentials: credentials && { timings: credentials, signedReused: signed?.reused ?? false },
  });

  console.log(textTable(rows));
  console.log('');
  console.log(`  ${loadAtEnd}`);
  console.log('ratio = reference time / CaptionDesk time (above 1: CaptionDesk is faster)');
  if (ours.loadMs !== null) {
    console.log(
      `scan, thumbnails and ingest run CaptionDesk in-process (core modules loaded in ` +
        `${ours.loadMs.toFixed(0)} ms, not counted); the reference tools are spawned, start-up included.`,
    );
  }
  if (vips) {
    console.log(
      `vipsthumbnail: ${processes} processes at once, each over an equal slice of the list ` +
        '(one per core), at the same size as the cache. CPU time: ours is this whole ' +
        "process during the build, vipsthumbnail's from /usr/bin/time; a shared machine " +
        'changes it far less than the wall time.',
    );
  }
  console.log(
    'Every tool reads the same files, already in the OS page cache (nothing is dropped). One run each.',
  );
  if (ingest) {
    console.log(
      'ingest: from a card folder (DCIM/100CANON, hard links to the same files) to a new ' +
        'folder; copies removed and synced away between runs. cp does not fsync; ingest does.',
    );
  }
  if (browser) {
    console.log(
      'browser rows: `electron/web/start.ts <folder>` with fresh data and cache folders, ' +
        'headless /usr/bin/chromium at 1440x900; first tile = navigation start to the first ' +
        '[role=option] <img> loaded. The thumbnail cache builds in the background meanwhile, ' +
        'as it does for a reporter. Scrolling: one step a frame over the whole grid; frame ' +
        'times from requestAnimationFrame and long-animation-frame entries.',
    );
  }
  if (credentials) console.log(credentialsNote(credentials));
  if (linked) {
    console.log(
      `The ${linked.files.length}-photo folder is ${n} generated files hard-linked ${args.links} ` +
        'times under distinct names; the same bytes, so the page cache holds them once.',
    );
  }
  if (ours.peakRssMiB !== null)
    console.log(
      `Peak RSS of the bench process with the folder open: ${ours.peakRssMiB.toFixed(0)} MiB.`,
    );
  for (const note of notes) console.log(`NOTE: ${note}`);

  console.log('\nMarkdown:\n');
  console.log(
    `N=${n}, ${width}x${height}, ${(folder.bytes / n / 2 ** 20).toFixed(1)} MB a photo; ` +
      [...machine, loadAtEnd].join('; '),
  );
  console.log('');
  console.log(markdownTable(rows));

  if (args.keep) {
    console.log(`\nKept ${folder.dir} (reused by the next run with the same N and size).`);
    if (signed) console.log(`Kept ${signed.dir} (reused while its sources are the same files).`);
  } else {
    await removeBenchFolder(folder.dir);
    if (linked) await removeLinkedFolder(linked.dir);
    if (signed) await removeSignedFolder(signed.dir);
  }
}

await main();
